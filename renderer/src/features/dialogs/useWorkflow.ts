import type { WorkflowSummary } from '../../../../shared/domain';
import { useWorkflowStore } from '../../state/workflow-store';

export function useWorkflow(workflowId: string): WorkflowSummary | null {
  return useWorkflowStore((s) => s.workflows.find((w) => w.id === workflowId) ?? null);
}

export function workflowTitle(workflow: WorkflowSummary | null, fallbackId: string): string {
  return workflow ? workflow.name || workflow.id : fallbackId;
}
