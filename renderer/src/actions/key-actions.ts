import type { KeyInfo } from '../../../shared/domain';
import { custody } from '../client/custody';
import { clearsIn } from '../lib/clears-in';
import { formatDateTime } from '../lib/format';
import { keyName } from '../lib/key-name';
import { type KeyAction, useDialogStore } from '../state/dialog-store';
import { useWorkflowStore } from '../state/workflow-store';
import { closeDialog, failDialog, openDialog, startDialogRequest } from './dialog-actions';
import { notify } from './notify';
import { reportFailure } from './vault-actions';
import { refreshAfterChange } from './workflow-actions';

function workflowHasKeys(workflowId: string): boolean {
  const workflow = useWorkflowStore.getState().workflows.find((w) => w.id === workflowId);
  return (workflow?.keyCount ?? 0) > 0;
}

/** "Add encryption key": an information dialog first when the new key will not be the active one (R4). */
export function startAddKey(workflowId: string, returnFocusId: string | null): void {
  if (workflowHasKeys(workflowId)) {
    openDialog({ kind: 'add-key-info', workflowId, returnFocusId });
    return;
  }
  void addKey(workflowId, returnFocusId);
}

export async function addKey(workflowId: string, returnFocusId: string | null, label?: string): Promise<void> {
  const fromDialog = useDialogStore.getState().dialog.kind === 'add-key-info';
  if (fromDialog) startDialogRequest();
  const result = await custody().keys.add({ workflowId, label: label?.trim() ? label.trim() : undefined });
  if (!result.ok) {
    if (fromDialog) failDialog(result.error);
    else reportFailure(result.error);
    return;
  }
  openDialog({ kind: 'reveal-key', reveal: result.value, copied: null, confirmingClose: false, returnFocusId });
  void refreshAfterChange();
}

/**
 * R14: the value behind a reveal handle, for the reveal dialog to show and keep in its own
 * component state only; null (with the reason in the dialog) once the handle is dead.
 */
export async function fetchRevealedValue(handle: string): Promise<string | null> {
  const result = await custody().reveal.value({ handle });
  if (result.ok) return result.value.value;
  failDialog(result.error);
  return null;
}

/** Copy sends the handle, never the value; main copies, audits and clears later. Any number of times. */
export async function copyRevealedKey(): Promise<void> {
  const { dialog } = useDialogStore.getState();
  if (dialog.kind !== 'reveal-key') return;
  const { handle } = dialog.reveal;
  startDialogRequest();
  const result = await custody().reveal.copy({ handle });
  const current = useDialogStore.getState().dialog;
  if (current.kind !== 'reveal-key' || current.reveal.handle !== handle) return;
  if (!result.ok) return failDialog(result.error);
  useDialogStore.setState({ dialog: { ...current, copied: result.value, confirmingClose: false }, busy: false, error: null });
  notify.success(
    'Key copied to the clipboard',
    `${clearsIn(result.value)}. Paste it into your workflow code or secret store now.`,
  );
}

/** Closing the key dialog before the key was copied asks once more: the value cannot be shown again. */
export function requestCloseRevealedKey(): void {
  const { dialog } = useDialogStore.getState();
  if (dialog.kind !== 'reveal-key') return;
  if (dialog.copied !== null || dialog.confirmingClose) {
    closeDialog();
    return;
  }
  useDialogStore.setState({ dialog: { ...dialog, confirmingClose: true } });
}

/** R4: the just-made key is deleted at once (even the active one), audited as discarded before use. */
export async function discardRevealedKey(): Promise<void> {
  const { dialog } = useDialogStore.getState();
  if (dialog.kind !== 'reveal-key') return;
  startDialogRequest();
  const result = await custody().reveal.discard({ handle: dialog.reveal.handle });
  if (!result.ok) return failDialog(result.error);
  closeDialog();
  notify.success('Key discarded', `${keyName(result.value)} was deleted before anyone used it.`);
  await refreshAfterChange();
}

export function keepRevealedKeyOpen(): void {
  const { dialog } = useDialogStore.getState();
  if (dialog.kind === 'reveal-key') useDialogStore.setState({ dialog: { ...dialog, confirmingClose: false } });
}

/**
 * R5: the typed value, or `fromClipboard` (main reads and clears the clipboard; the value never
 * comes through the page). The officer already holds an imported key, so its reveal handle is
 * closed at once: nothing here shows it.
 */
export async function importKey(
  workflowId: string,
  source: { value: string } | { fromClipboard: true },
  label: string,
): Promise<void> {
  startDialogRequest();
  const result = await custody().keys.import({ workflowId, ...source, label: label.trim() ? label.trim() : undefined });
  if (!result.ok) return failDialog(result.error);
  const { key, handle } = result.value;
  void custody().reveal.close({ handle });
  closeDialog();
  notify.success(
    'Key imported',
    key.status === 'active' ? `${keyName(key)} is the active key.` : `${keyName(key)} stays inactive until you activate it.`,
  );
  await refreshAfterChange();
}

/** Opens the confirmation; for delete, with the vault's waiting period, so the dialog can say when (R13). */
export async function confirmKeyAction(action: KeyAction, key: KeyInfo, returnFocusId: string | null): Promise<void> {
  const dialog = { kind: 'confirm-key', action, workflowId: key.workflowId, keyId: key.id, returnFocusId } as const;
  if (action !== 'delete') return openDialog(dialog);
  const settings = await custody().settings.get();
  if (!settings.ok) return reportFailure(settings.error);
  openDialog({ ...dialog, deletionWaitDays: settings.value.deletionWaitDays });
}

/** R13: not destructive, so no confirmation; the core refuses a key whose deletion already took effect. */
export async function cancelKeyDeletion(key: KeyInfo): Promise<void> {
  const result = await custody().keys.cancelDeletion({ workflowId: key.workflowId, keyId: key.id });
  if (!result.ok) return reportFailure(result.error);
  notify.success('Deletion cancelled', `${keyName(result.value)} stays in the vault, inactive.`);
  await refreshAfterChange();
}

const DONE: Record<Exclude<KeyAction, 'activate'>, string> = {
  deactivate: 'Encryption key deactivated',
  delete: 'Encryption key deleted',
};

/** Carries out a confirmed action; the core checks the rule (R6–R8) and its refusal is shown in the dialog. */
export async function runConfirmedKeyAction(): Promise<void> {
  const { dialog } = useDialogStore.getState();
  if (dialog.kind !== 'confirm-key') return;
  const request = { workflowId: dialog.workflowId, keyId: dialog.keyId };
  startDialogRequest();
  const api = custody().keys;
  const result =
    dialog.action === 'activate'
      ? await api.activate(request)
      : dialog.action === 'deactivate'
        ? await api.deactivate(request)
        : await api.delete(request);
  if (!result.ok) return failDialog(result.error);
  closeDialog();
  const { deletionScheduledFor } = result.value;
  if (deletionScheduledFor) {
    notify.success(
      'Deletion scheduled',
      `${keyName(result.value)} will be deleted on ${formatDateTime(deletionScheduledFor)}. You can cancel until then.`,
    );
  } else if (dialog.action === 'activate') {
    // The dashboard's next step after activating: the receiver must hold the new key to decrypt with it.
    notify.success(
      'Add the new key value to your code',
      `${keyName(result.value)} is now the active key. Your receiver needs its value to decrypt what Kinde encrypts with it.`,
    );
  } else notify.success(DONE[dialog.action], keyName(result.value));
  await refreshAfterChange();
}
