import { create } from 'zustand';
import type { BackupInfo, KeyReveal, SecretCopy } from '../../../shared/domain';
import type { CustodyErrorShape } from '../../../shared/errors';

export type KeyAction = 'activate' | 'deactivate' | 'delete';

/** R17: what the vault screen offers for VAULT_ROLLED_BACK and VAULT_MISSING. */
export type VaultRecoveryAction = 'accept-rollback' | 'start-new';

/**
 * The one open dialog. `returnFocusId` names the element focus goes back to when it closes (the
 * button that opened it), since a dialog opened from a menu outlives the menu item that opened it.
 * null returns focus to wherever it was (a native menu command has no button on the page).
 */
export type Dialog =
  | { kind: 'none' }
  | { kind: 'add-workflow'; returnFocusId: string | null }
  | { kind: 'edit-workflow'; workflowId: string; returnFocusId: string | null }
  | { kind: 'remove-workflow'; workflowId: string; returnFocusId: string | null }
  | { kind: 'add-key-info'; workflowId: string; returnFocusId: string | null }
  /**
   * R4/R14: a new key's reveal handle, never its value (the dialog fetches that into its own
   * component state). `copied` is main's answer to the last Copy: when it clears the clipboard.
   */
  | {
      kind: 'reveal-key';
      reveal: KeyReveal;
      copied: SecretCopy | null;
      confirmingClose: boolean;
      returnFocusId: string | null;
    }
  | { kind: 'import-key'; workflowId: string; returnFocusId: string | null }
  | {
      kind: 'confirm-key';
      action: KeyAction;
      workflowId: string;
      keyId: string;
      returnFocusId: string | null;
      /** R13, for delete: the vault's waiting period in days when the dialog opened (0: at once). */
      deletionWaitDays?: number;
    }
  | { kind: 'about'; returnFocusId: string | null }
  | { kind: 'shortcuts'; returnFocusId: string | null }
  /** After "Create vault": setting a passphrase, recommended and skippable. */
  | { kind: 'first-run-passphrase'; returnFocusId: string | null }
  /** R16: the backup passphrase, typed twice; main then asks where to save. */
  | { kind: 'backup'; returnFocusId: string | null }
  /** R16: the backup main opened (its header), and whether a vault exists that it replaces. */
  | { kind: 'restore'; backup: BackupInfo; replacing: boolean; returnFocusId: string | null }
  /** R17, from the vault screen: accept an older vault file, or discard the old key and start a new vault. */
  | { kind: 'vault-recovery'; action: VaultRecoveryAction; returnFocusId: string | null };

export interface DialogState {
  dialog: Dialog;
  /** The dialog's request is in flight: its buttons are disabled. */
  busy: boolean;
  /** The core's answer to the dialog's last request, shown inside the dialog. */
  error: CustodyErrorShape | null;
}

export const initialDialogState: DialogState = { dialog: { kind: 'none' }, busy: false, error: null };

export const useDialogStore = create<DialogState>()(() => initialDialogState);
