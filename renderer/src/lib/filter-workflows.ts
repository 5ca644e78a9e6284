import type { WorkflowSummary } from '../../../shared/domain';

/** The "Needs attention" filter: no active key (R7), rotation due (R12) or a deletion scheduled (R13). */
export function needsAttention(workflow: WorkflowSummary): boolean {
  return workflow.noActiveKey || workflow.rotationDue || workflow.deletionScheduled;
}

/** The sidebar search: a workflow matches on its display name or its Kinde id, and on needing attention when asked. */
export function filterWorkflows(
  workflows: readonly WorkflowSummary[],
  query: string,
  attentionOnly = false,
): readonly WorkflowSummary[] {
  const needle = query.trim().toLowerCase();
  if (needle === '' && !attentionOnly) return workflows;
  return workflows.filter(
    (w) =>
      (!attentionOnly || needsAttention(w)) &&
      (needle === '' || w.name.toLowerCase().includes(needle) || w.id.toLowerCase().includes(needle)),
  );
}
