import type { CustodyErrorShape } from '../../../shared/errors';
import { ERROR_TITLES, isVaultLevel } from '../client/error-titles';
import { notify } from './notify';
import { refreshVaultStatus } from './vault-actions';

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
