import type { NewWorkflow, WorkflowChanges, WorkflowSummary } from '../../../shared/domain';
import { custody } from '../client/custody';
import { useWorkflowStore } from '../state/workflow-store';
import { loadAuditIfShown } from './audit-actions';
import { closeDialog, failDialog, startDialogRequest } from './dialog-actions';
import { reportFailure } from './failure';
import { latestRequest } from './latest-request';
import { showScreen } from './navigation-actions';
import { notify } from './notify';

const workflowsRequest = latestRequest();
const keysRequest = latestRequest();

function pickSelection(workflows: WorkflowSummary[], selected: string | null): string | null {
  if (selected !== null && workflows.some((w) => w.id === selected)) return selected;
  return workflows[0]?.id ?? null;
}

export async function loadWorkflows(): Promise<void> {
  const isLatest = workflowsRequest();
  const result = await custody().workflows.list();
  if (!isLatest()) return;
  if (!result.ok) {
    useWorkflowStore.setState({ workflowsLoaded: true });
    reportFailure(result.error);
    return;
  }
  const { selectedWorkflowId } = useWorkflowStore.getState();
  const selection = pickSelection(result.value, selectedWorkflowId);
  useWorkflowStore.setState({ workflows: result.value, workflowsLoaded: true, selectedWorkflowId: selection });
  if (selection !== selectedWorkflowId) {
    useWorkflowStore.setState({ keys: [], keysWorkflowId: null, keysError: null });
    if (selection !== null) void loadKeys(selection);
  }
}

export async function loadKeys(workflowId: string): Promise<void> {
  const isLatest = keysRequest();
  useWorkflowStore.setState({ keysLoading: true });
  const result = await custody().keys.list({ workflowId });
  if (!isLatest() || useWorkflowStore.getState().selectedWorkflowId !== workflowId) return;
  if (result.ok) {
    useWorkflowStore.setState({ keys: result.value, keysWorkflowId: workflowId, keysLoading: false, keysError: null });
  } else {
    useWorkflowStore.setState({ keys: [], keysWorkflowId: workflowId, keysLoading: false, keysError: result.error });
    reportFailure(result.error);
  }
}

export function selectWorkflow(workflowId: string): void {
  // Through showScreen, so leaving Decrypt this way drops what it decrypted too.
  showScreen('workflow');
  if (useWorkflowStore.getState().selectedWorkflowId === workflowId) return;
  useWorkflowStore.setState({ selectedWorkflowId: workflowId, keys: [], keysWorkflowId: null, keysError: null });
  void loadKeys(workflowId);
}

export function setWorkflowQuery(query: string): void {
  useWorkflowStore.setState({ query });
}

/** After any change (ours, another window's or the CLI's): re-read what is on screen. */
export async function refreshAfterChange(): Promise<void> {
  const selected = useWorkflowStore.getState().selectedWorkflowId;
  await Promise.all([loadWorkflows(), selected === null ? null : loadKeys(selected), loadAuditIfShown()]);
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
