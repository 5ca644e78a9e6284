import type { WorkflowSummary } from '../../../shared/domain';

/** R2: the only key status shown; an inactive key shows no status. */
export function ActiveBadge() {
  return <span className="badge badge-active">Active</span>;
}

/** R7 and R12 flags, in the Kinde dashboard's words. */
export function WorkflowBadges({ workflow }: { workflow: Pick<WorkflowSummary, 'noActiveKey' | 'rotationDue'> }) {
  return (
    <>
      {workflow.noActiveKey && <span className="badge badge-warning">No active key</span>}
      {workflow.rotationDue && <span className="badge badge-danger">Rotation due</span>}
    </>
  );
}
