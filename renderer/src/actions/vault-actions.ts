import type { VaultStatus } from '../../../shared/domain';
import type { Result } from '../../../shared/errors';
import { custody } from '../client/custody';
import { initialAuditState, useAuditStore } from '../state/audit-store';
import { initialDecryptState, useDecryptStore } from '../state/decrypt-store';
import { initialDialogState, useDialogStore } from '../state/dialog-store';
import { initialNavigationState, useNavigationStore } from '../state/navigation-store';
import { initialSimulateState, useSimulateStore } from '../state/simulate-store';
import { useVaultStore } from '../state/vault-store';
import { initialWorkflowState, useWorkflowStore } from '../state/workflow-store';
import { discardBatch } from './batch-actions';
import { loadWorkflows } from './workflow-actions';

/** Everything read from the vault leaves memory when the vault closes (including a revealed key). */
export function resetVaultData(): void {
  useWorkflowStore.setState(initialWorkflowState, true);
  useDialogStore.setState(initialDialogState, true);
  useDecryptStore.setState(initialDecryptState, true);
  useAuditStore.setState(initialAuditState, true);
  // A running batch stops in main too, and its results leave both.
  discardBatch();
  useSimulateStore.setState(initialSimulateState, true);
  useNavigationStore.setState(initialNavigationState, true);
}

export function applyVaultStatus(status: VaultStatus): void {
  const wasReady = useVaultStore.getState().status.state === 'ready';
  useVaultStore.setState({ status, busy: false });
  if (status.state !== 'ready') {
    resetVaultData();
    return;
  }
  if (!wasReady) void loadWorkflows();
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

export function createVault(): Promise<void> {
  return settle(custody().vault.init());
}
