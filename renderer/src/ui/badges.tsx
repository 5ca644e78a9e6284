import type { WorkflowSummary } from '../../../shared/domain';
import { formatDate, formatDateTime } from '../lib/format';

/** R2: the only key status shown; an inactive key shows no status. */
export function ActiveBadge() {
  return <span className="badge badge-active">Active</span>;
}

/**
 * R13: a key waiting for its deletion, and the day it takes effect ("Deletion scheduled for
 * <date>"); the exact time is in the tooltip, the dialog and the toast.
 */
export function DeletionScheduled({ at }: { at: string }) {
  return (
    <>
      <span className="badge badge-warning">Deletion scheduled</span>
      <span className="key-sub" title={formatDateTime(at)}>
        {' '}
        for {formatDate(at)}
      </span>
    </>
  );
}

/** R7 and R12 flags, in the Kinde dashboard's words, and R13's waiting deletion. */
export function WorkflowBadges({
  workflow,
}: {
  workflow: Pick<WorkflowSummary, 'noActiveKey' | 'rotationDue' | 'deletionScheduled'>;
}) {
  return (
    <>
      {workflow.noActiveKey && <span className="badge badge-warning">No active key</span>}
      {workflow.rotationDue && <span className="badge badge-danger">Rotation due</span>}
      {workflow.deletionScheduled && <span className="badge badge-warning">Deletion scheduled</span>}
    </>
  );
}
