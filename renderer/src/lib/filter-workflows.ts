import type { WorkflowSummary } from '../../../shared/domain';

/** The sidebar search: a workflow matches on its display name or its Kinde id. */
export function filterWorkflows(workflows: readonly WorkflowSummary[], query: string): readonly WorkflowSummary[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return workflows;
  return workflows.filter((w) => w.name.toLowerCase().includes(needle) || w.id.toLowerCase().includes(needle));
}
