/**
 * R17's two ways out of the vault screen, each confirmed in a dialog first: accepting an older vault
 * file (VAULT_ROLLED_BACK), and discarding the old key to start a new, empty vault (VAULT_MISSING).
 */
import type { VaultStatus } from '../../../shared/domain';
import type { Result } from '../../../shared/errors';
import { custody } from '../client/custody';
import { type VaultRecoveryAction, useDialogStore } from '../state/dialog-store';
import { closeDialog, openDialog, startDialogRequest } from './dialog-actions';
import { notify } from './notify';
import { applyVaultStatus, offerPassphrase } from './vault-actions';

export function askVaultRecovery(action: VaultRecoveryAction, returnFocusId: string): void {
  openDialog({ kind: 'vault-recovery', action, returnFocusId });
}

const CALLS: Record<VaultRecoveryAction, () => Promise<Result<VaultStatus>>> = {
  'accept-rollback': () => custody().vault.acceptRollback(),
  'start-new': () => custody().vault.startNew(),
};

const DONE: Record<VaultRecoveryAction, [string, string]> = {
  'accept-rollback': ['Older vault accepted', 'The audit log records which generation was accepted over which.'],
  'start-new': ['New vault started', 'The old vault key was discarded from the OS keychain.'],
};

export async function confirmVaultRecovery(action: VaultRecoveryAction): Promise<void> {
  startDialogRequest();
  const result = await CALLS[action]();
  // Shown in the dialog whatever it is: the vault screen behind it already says the vault cannot open.
  if (!result.ok) return useDialogStore.setState({ busy: false, error: result.error });
  closeDialog();
  applyVaultStatus(result.value);
  notify.success(...DONE[action]);
  if (action === 'start-new') offerPassphrase();
}
