import type { CustodyErrorShape } from '../../../shared/errors';
import { type Dialog, initialDialogState, useDialogStore } from '../state/dialog-store';
import { isInlineError } from './vault-actions';

export function openDialog(dialog: Exclude<Dialog, { kind: 'none' }>): void {
  useDialogStore.setState({ dialog, busy: false, error: null }, false);
}

/** Replaces the whole dialog state, so whatever the dialog held (a revealed key) is gone. */
export function closeDialog(): void {
  useDialogStore.setState(initialDialogState, true);
}

export function startDialogRequest(): void {
  useDialogStore.setState({ busy: true, error: null });
}

/** Keeps the dialog open with the core's error in it (or leaves for the vault screen). */
export function failDialog(error: CustodyErrorShape): void {
  useDialogStore.setState({ busy: false, error: isInlineError(error) ? error : null });
}
