import type { StateCreator } from 'zustand';
import type { WorkflowSummary } from '../../../shared/domain';

export interface WorkflowsSlice {
  workflows: WorkflowSummary[];
  workflowsLoaded: boolean;
  /** The sidebar's search text. */
  query: string;
  /** The sidebar's "Needs attention" filter is on. */
  attentionOnly: boolean;
  selectedWorkflowId: string | null;
}

export const initialWorkflowsSlice: WorkflowsSlice = {
  workflows: [],
  workflowsLoaded: false,
  query: '',
  attentionOnly: false,
  selectedWorkflowId: null,
};

export const createWorkflowsSlice: StateCreator<WorkflowsSlice, [], [], WorkflowsSlice> = () => initialWorkflowsSlice;
