import type { KeyInfo } from '../../../shared/domain';
import { custody } from '../client/custody';
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
  openDialog({ kind: 'reveal-key', revealed: result.value, copied: false, confirmingClose: false, returnFocusId });
  void refreshAfterChange();
}

export async function copyRevealedKey(): Promise<void> {
  const { dialog } = useDialogStore.getState();
  if (dialog.kind !== 'reveal-key') return;
  const { key, value } = dialog.revealed;
  startDialogRequest();
  const result = await custody().keys.copyRevealed({ workflowId: key.workflowId, keyId: key.id, value });
  const current = useDialogStore.getState().dialog;
  if (current.kind !== 'reveal-key' || current.revealed.key.id !== key.id) return;
  if (!result.ok) return failDialog(result.error);
  useDialogStore.setState({ dialog: { ...current, copied: true, confirmingClose: false }, busy: false, error: null });
  notify.success('Key copied to the clipboard', 'Paste it into your workflow code or secret store now.');
}

/** Closing the key dialog before the key was copied asks once more: the value cannot be shown again. */
export function requestCloseRevealedKey(): void {
  const { dialog } = useDialogStore.getState();
  if (dialog.kind !== 'reveal-key') return;
  if (dialog.copied || dialog.confirmingClose) {
    closeDialog();
    return;
  }
  useDialogStore.setState({ dialog: { ...dialog, confirmingClose: true } });
}

export function keepRevealedKeyOpen(): void {
  const { dialog } = useDialogStore.getState();
  if (dialog.kind === 'reveal-key') useDialogStore.setState({ dialog: { ...dialog, confirmingClose: false } });
}

export async function importKey(workflowId: string, value: string, label: string): Promise<void> {
  startDialogRequest();
  const result = await custody().keys.import({ workflowId, value, label: label.trim() ? label.trim() : undefined });
  if (!result.ok) return failDialog(result.error);
  closeDialog();
  notify.success(
    'Key imported',
    result.value.status === 'active'
      ? `${keyName(result.value)} is the active key.`
      : `${keyName(result.value)} stays inactive until you activate it.`,
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

const DONE: Record<KeyAction, string> = {
  activate: 'Encryption key activated',
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
  } else notify.success(DONE[dialog.action], keyName(result.value));
  await refreshAfterChange();
}
