import type { CustodyErrorShape } from '../../../shared/errors';
import { custody } from '../client/custody';
import { type Dialog, initialDialogState, useDialogStore } from '../state/dialog-store';
import { isInlineError } from './vault-actions';

/** R14: a reveal dialog that goes (closed, or replaced by another) takes its handle with it. */
function closeRevealHandle(): void {
  const { dialog } = useDialogStore.getState();
  if (dialog.kind === 'reveal-key') void custody().reveal.close({ handle: dialog.reveal.handle });
}

export function openDialog(dialog: Exclude<Dialog, { kind: 'none' }>): void {
  closeRevealHandle();
  useDialogStore.setState({ dialog, busy: false, error: null }, false);
}

/**
 * Help → Keyboard shortcuts, Ctrl/Cmd+/ or "?". Only over no other dialog: replacing a key's reveal
 * would end it, and a half-filled form would be lost.
 */
export function openShortcuts(): void {
  if (useDialogStore.getState().dialog.kind !== 'none') return;
  const focused = document.activeElement;
  openDialog({ kind: 'shortcuts', returnFocusId: focused instanceof HTMLElement && focused.id ? focused.id : null });
}

/** Replaces the whole dialog state, so whatever the dialog held (a reveal handle) is gone. */
export function closeDialog(): void {
  closeRevealHandle();
  useDialogStore.setState(initialDialogState, true);
}

export function startDialogRequest(): void {
  useDialogStore.setState({ busy: true, error: null });
}

/** The user is answering the dialog's last refusal (typing again): it no longer applies. */
export function clearDialogError(): void {
  if (useDialogStore.getState().error) useDialogStore.setState({ error: null });
}

/** Keeps the dialog open with the core's error in it (or leaves for the vault screen). */
export function failDialog(error: CustodyErrorShape): void {
  useDialogStore.setState({ busy: false, error: isInlineError(error) ? error : null });
}
