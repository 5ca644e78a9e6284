/**
 * The vault as the window knows it: its status, the workflows and keys read from it, and what a
 * failed call does. These live together because they call one another: a vault that opens loads
 * its workflows, and a load that finds the vault unreadable asks main for the vault's status.
 */
import type { VaultStatus, WorkflowSummary } from '../../../shared/domain';
import type { CustodyErrorShape, Result } from '../../../shared/errors';
import { custody } from '../client/custody';
import { ERROR_TITLES, isVaultLevel } from '../client/error-titles';
import { initialAuditState, useAuditStore } from '../state/audit-store';
import { initialBackupState, useBackupStore } from '../state/backup-store';
import { initialDecryptState, useDecryptStore } from '../state/decrypt-store';
import { initialDialogState, useDialogStore } from '../state/dialog-store';
import { initialNavigationState, useNavigationStore } from '../state/navigation-store';
import { initialSettingsState, useSettingsStore } from '../state/settings-store';
import { initialSimulateState, useSimulateStore } from '../state/simulate-store';
import { initialToastState, useToastStore } from '../state/toast-store';
import { useVaultStore } from '../state/vault-store';
import { initialWorkflowState, useWorkflowStore } from '../state/workflow-store';
import { loadBackupStatus } from './backup-status-actions';
import { discardBatch } from './discard-batch';
import { latestRequest } from './latest-request';
import { notify } from './notify';

/**
 * Everything read from the vault leaves memory when the vault closes or locks (including a revealed
 * key): the one place that resets every store but the vault's status.
 */
export function resetVaultData(): void {
  useWorkflowStore.setState(initialWorkflowState, true);
  useDialogStore.setState(initialDialogState, true);
  useDecryptStore.setState(initialDecryptState, true);
  useAuditStore.setState(initialAuditState, true);
  // A running batch stops in main too, and its results leave both.
  discardBatch();
  useSimulateStore.setState(initialSimulateState, true);
  useNavigationStore.setState(initialNavigationState, true);
  useSettingsStore.setState(initialSettingsState, true);
  useBackupStore.setState(initialBackupState, true);
  useToastStore.setState(initialToastState, true);
}

export function applyVaultStatus(status: VaultStatus): void {
  const wasReady = useVaultStore.getState().status.state === 'ready';
  useVaultStore.setState({ status, busy: false });
  if (status.state !== 'ready') {
    resetVaultData();
    return;
  }
  if (wasReady) return;
  void loadWorkflows();
  void loadBackupStatus();
}

/** The vault folder as last reported, so a failed call can still say where the vault is. */
function knownHome(): string {
  const status = useVaultStore.getState().status;
  return status.state === 'checking' ? '' : status.home;
}

async function settle(call: Promise<Result<VaultStatus>>): Promise<void> {
  useVaultStore.setState({ busy: true });
  const result = await call;
  applyVaultStatus(result.ok ? result.value : { state: 'unavailable', home: knownHome(), error: result.error });
}

export function refreshVaultStatus(): Promise<void> {
  return settle(custody().vault.status());
}

/** First run: a new vault offers the passphrase at once (recommended, skippable). */
export function offerPassphrase(): void {
  const { status } = useVaultStore.getState();
  if (status.state !== 'ready' || status.passphraseSet) return;
  useDialogStore.setState({ dialog: { kind: 'first-run-passphrase', returnFocusId: null }, busy: false, error: null }, true);
}

export async function createVault(): Promise<void> {
  await settle(custody().vault.init());
  offerPassphrase();
}

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

/**
 * Shows a failed call's error where a person looks for it. A vault that can no longer be read
 * switches the whole window to the vault screen (with the reason); anything else is a toast.
 */
export function reportFailure(error: CustodyErrorShape): void {
  if (isVaultLevel(error)) {
    void refreshVaultStatus();
    return;
  }
  notify.error(ERROR_TITLES[error.code], error.message);
}

/** For dialogs that show the error inline: true when the caller should show it itself. */
export function isInlineError(error: CustodyErrorShape): boolean {
  if (!isVaultLevel(error)) return true;
  void refreshVaultStatus();
  return false;
}
