import { create } from 'zustand';
import { type KeysSlice, createKeysSlice, initialKeysSlice } from './keys-slice';
import { type WorkflowsSlice, createWorkflowsSlice, initialWorkflowsSlice } from './workflows-slice';

/** Workflows and the selected workflow's keys: one store, so a selection and its keys change together. */
export type WorkflowState = WorkflowsSlice & KeysSlice;

export const initialWorkflowState: WorkflowState = { ...initialWorkflowsSlice, ...initialKeysSlice };

export const useWorkflowStore = create<WorkflowState>()((...a) => ({
  ...createWorkflowsSlice(...a),
  ...createKeysSlice(...a),
}));
