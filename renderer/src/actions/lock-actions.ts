/**
 * R15 in the window: the Lock command and the lock screen's Unlock. Main does the locking (and
 * pushes the locked status to every window); the page then resets every store (applyVaultStatus).
 */
import type { CustodyErrorShape } from '../../../shared/errors';
import { custody } from '../client/custody';
import { useVaultStore } from '../state/vault-store';
import { applyVaultStatus, reportFailure } from './vault-actions';

export async function lockVault(): Promise<void> {
  const result = await custody().vault.lock();
  if (result.ok) applyVaultStatus(result.value);
  else reportFailure(result.error);
}

/** The refusal (a wrong passphrase, a throttled try) for the lock screen to show, or null once unlocked. */
export async function unlockVault(passphrase?: string): Promise<CustodyErrorShape | null> {
  useVaultStore.setState({ busy: true });
  const result = await custody().vault.unlock(passphrase === undefined ? {} : { passphrase });
  useVaultStore.setState({ busy: false });
  if (!result.ok) return result.error;
  applyVaultStatus(result.value);
  return null;
}
