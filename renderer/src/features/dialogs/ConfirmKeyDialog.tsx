import type { KeyInfo } from '../../../../shared/domain';
import { closeDialog } from '../../actions/dialog-actions';
import { runConfirmedKeyAction } from '../../actions/key-actions';
import { formatDateTime, formatFingerprint } from '../../lib/format';
import { keyName } from '../../lib/key-name';
import type { Dialog, KeyAction } from '../../state/dialog-store';
import { useWorkflowStore } from '../../state/workflow-store';
import { AppDialog } from '../../ui/AppDialog';
import { Notice } from '../../ui/Notice';
import { ConfirmDialog } from './ConfirmDialog';
import { useDialogError } from './useDialogState';
import { useWorkflow, workflowTitle } from './useWorkflow';
import '../../ui/key-facts.css';

/** The dashboard's own wording, for the title and the button that confirms. */
const TITLES: Record<KeyAction, string> = {
  activate: 'Activate encryption key',
  deactivate: 'Deactivate encryption key',
  delete: 'Delete encryption key',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** R13: when a deletion confirmed now takes effect. */
function deletionNotice(name: string, waitDays: number): string {
  if (waitDays === 0) {
    return `${name} is deleted at once: it is removed from the vault for good. Payloads encrypted with it can no longer be decrypted here.`;
  }
  const on = formatDateTime(new Date(Date.now() + waitDays * DAY_MS).toISOString());
  return `The key will be deleted on ${on}; you can cancel until then. Meanwhile ${name} cannot be activated and is not tried when decrypting. After that, payloads encrypted with it can no longer be decrypted here.`;
}

/** What the action does, naming the key, the workflow and (for activate) the key it replaces. */
function consequence(
  dialog: Extract<Dialog, { kind: 'confirm-key' }>,
  key: KeyInfo,
  workflow: string,
  currentActive: KeyInfo | null,
): string {
  const name = `“${keyName(key)}”`;
  switch (dialog.action) {
    case 'activate':
      return currentActive
        ? `${name} becomes the active key of ${workflow} and is tried first when decrypting. The current active key, “${keyName(currentActive)}”, becomes inactive; it is kept, so payloads it encrypted can still be decrypted.`
        : `${name} becomes the active key of ${workflow} and is tried first when decrypting.`;
    case 'deactivate':
      return `${name} becomes inactive. ${workflow} will have no active key and is flagged “No active key” until you activate one. The key is kept, so payloads it encrypted can still be decrypted.`;
    case 'delete':
      return `${deletionNotice(name, dialog.deletionWaitDays ?? 0)} The audit log keeps its id and fingerprint.`;
  }
}

/** R9: the UI asks before activate, deactivate and delete; the core still checks each rule. */
export function ConfirmKeyDialog({ dialog }: { dialog: Extract<Dialog, { kind: 'confirm-key' }> }) {
  const error = useDialogError();
  const workflow = useWorkflow(dialog.workflowId);
  const key = useWorkflowStore((s) => s.keys.find((k) => k.id === dialog.keyId) ?? null);
  const currentActive = useWorkflowStore((s) => s.keys.find((k) => k.status === 'active' && k.id !== dialog.keyId) ?? null);
  const title = TITLES[dialog.action];
  const destructive = dialog.action !== 'activate';

  if (!key) {
    return (
      <AppDialog
        title={title}
        description="This key is no longer in the vault. It may have been deleted from another window or the command line."
        returnFocusId={dialog.returnFocusId}
        onRequestClose={closeDialog}
        footer={
          <button type="button" className="button" onClick={closeDialog}>
            Close
          </button>
        }
      />
    );
  }

  return (
    <ConfirmDialog
      title={title}
      description={consequence(dialog, key, workflowTitle(workflow, dialog.workflowId), currentActive)}
      returnFocusId={dialog.returnFocusId}
      confirmLabel={title}
      tone={destructive ? 'danger' : 'primary'}
      onConfirm={() => void runConfirmedKeyAction()}
      error={error}
    >
      <dl className="key-facts">
        <dt>Key</dt>
        <dd>{keyName(key)}</dd>
        <dt>Fingerprint</dt>
        <dd className="mono">{formatFingerprint(key.fingerprint)}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(key.createdAt)}</dd>
        <dt>Last matched</dt>
        <dd>{formatDateTime(key.lastMatchedAt)}</dd>
      </dl>
      {dialog.action === 'activate' && (
        <Notice tone="info">
          Keep this in step with the Kinde dashboard: the key active there is the one Kinde encrypts new payloads with.
        </Notice>
      )}
    </ConfirmDialog>
  );
}
