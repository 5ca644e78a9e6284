import type { NewWorkflow, WorkflowChanges } from '../../../shared/domain';
import { custody } from '../client/custody';
import { initialKeysSlice } from '../state/keys-slice';
import { useWorkflowStore } from '../state/workflow-store';
import { loadAuditIfShown } from './audit-actions';
import { loadBackupStatus } from './backup-status-actions';
import { closeDialog, failDialog, startDialogRequest } from './dialog-actions';
import { showScreen } from './navigation-actions';
import { notify } from './notify';
import { loadKeys, loadWorkflows } from './vault-actions';

export function selectWorkflow(workflowId: string): void {
  // Through showScreen, so leaving Decrypt this way drops what it decrypted too.
  showScreen('workflow');
  if (useWorkflowStore.getState().selectedWorkflowId === workflowId) return;
  useWorkflowStore.setState({
    selectedWorkflowId: workflowId,
    keys: [],
    keysWorkflowId: null,
    keysError: null,
    keyQuery: initialKeysSlice.keyQuery,
  });
  void loadKeys(workflowId);
}

export function setWorkflowQuery(query: string): void {
  useWorkflowStore.setState({ query });
}

export function toggleAttentionOnly(): void {
  useWorkflowStore.setState((s) => ({ attentionOnly: !s.attentionOnly }));
}

/** After any change (ours, another window's or the CLI's): re-read what is on screen. */
export async function refreshAfterChange(): Promise<void> {
  const selected = useWorkflowStore.getState().selectedWorkflowId;
  await Promise.all([loadWorkflows(), selected === null ? null : loadKeys(selected), loadAuditIfShown(), loadBackupStatus()]);
}

export async function addWorkflow(input: NewWorkflow): Promise<void> {
  startDialogRequest();
  const result = await custody().workflows.add(input);
  if (!result.ok) return failDialog(result.error);
  closeDialog();
  notify.success('Workflow added', `${result.value.name || result.value.id} has no keys yet. Add or import its encryption key.`);
  await loadWorkflows();
  selectWorkflow(result.value.id);
}

export async function updateWorkflow(workflowId: string, changes: WorkflowChanges): Promise<void> {
  startDialogRequest();
  const result = await custody().workflows.update({ workflowId, ...changes });
  if (!result.ok) return failDialog(result.error);
  closeDialog();
  notify.success('Workflow saved');
  await loadWorkflows();
}

export async function removeWorkflow(workflowId: string): Promise<void> {
  startDialogRequest();
  const result = await custody().workflows.remove({ workflowId });
  if (!result.ok) return failDialog(result.error);
  closeDialog();
  const deleted = result.value.deletedKeys;
  notify.success(
    'Workflow removed',
    deleted === 0 ? undefined : `${deleted} inactive ${deleted === 1 ? 'key was' : 'keys were'} deleted.`,
  );
  await refreshAfterChange();
}
