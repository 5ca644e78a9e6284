import type { RevealHandles } from './reveal-handles';
import type { SecretClipboard } from './secret-clipboard';
import type { SimulateConsent } from './simulate-consent';
import type { VaultSession } from './vault-session';

/**
 * R14 and R15: locking (and quitting, which locks first) kills every reveal handle, asks the
 * simulate question again after the next unlock, and clears our copy from the clipboard.
 */
export function forgetSecretsOnLock(
  session: VaultSession,
  secrets: { reveals: RevealHandles; simulate: SimulateConsent; clipboard: SecretClipboard },
): () => void {
  return session.onLock(() => {
    secrets.reveals.forgetAll();
    secrets.simulate.resetForLock();
    return secrets.clipboard.clearNow();
  });
}
