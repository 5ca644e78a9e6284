import { copyRevealedKey, keepRevealedKeyOpen, requestCloseRevealedKey } from '../../actions/key-actions';
import { formatFingerprint } from '../../lib/format';
import type { Dialog } from '../../state/dialog-store';
import { AppDialog } from '../../ui/AppDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CheckIcon, CopyIcon } from '../../ui/icons';
import { Notice } from '../../ui/Notice';
import { useDialogBusy, useDialogError } from './useDialogState';
import { useWorkflow, workflowTitle } from './useWorkflow';
import '../../ui/AppDialog.css';
import '../../ui/key-facts.css';

const REVEAL_WARNING = 'You need to copy it immediately, as it cannot be viewed again';

/**
 * R4: the new key's value, once. Copy goes through main (the clipboard is main's), and closing
 * before a copy asks once more. The value lives in the dialog state only; closing drops it.
 */
export function RevealKeyDialog({ dialog }: { dialog: Extract<Dialog, { kind: 'reveal-key' }> }) {
  const busy = useDialogBusy();
  const error = useDialogError();
  const { key, value } = dialog.revealed;
  const workflow = useWorkflow(key.workflowId);

  const footer = dialog.confirmingClose ? (
    <>
      <button type="button" className="button" onClick={keepRevealedKeyOpen} autoFocus>
        Go back
      </button>
      <button type="button" className="button button-danger" onClick={requestCloseRevealedKey}>
        Close without copying
      </button>
    </>
  ) : (
    <button type="button" className={dialog.copied ? 'button button-primary' : 'button'} onClick={requestCloseRevealedKey}>
      Close
    </button>
  );

  return (
    <AppDialog
      title="Encryption key"
      description={REVEAL_WARNING}
      wide
      returnFocusId={dialog.returnFocusId}
      onRequestClose={dialog.confirmingClose ? keepRevealedKeyOpen : requestCloseRevealedKey}
      dismissOnOutsideClick={false}
      footer={footer}
    >
      <div className="key-value">
        <code aria-label="Encryption key value">{value}</code>
        <button type="button" className="button button-primary" onClick={() => void copyRevealedKey()} disabled={busy}>
          {dialog.copied ? <CheckIcon /> : <CopyIcon />}
          {dialog.copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <dl className="key-facts">
        <dt>Workflow</dt>
        <dd>{workflowTitle(workflow, key.workflowId)}</dd>
        <dt>Fingerprint</dt>
        <dd className="mono">{formatFingerprint(key.fingerprint)}</dd>
        <dt>Status</dt>
        <dd>{key.status === 'active' ? 'Active — this is the first key of the workflow' : 'Inactive until you activate it'}</dd>
      </dl>
      {error && <ErrorNotice error={error} />}
      {dialog.confirmingClose && (
        <Notice tone="warning" title="Close without copying the key?" alert>
          The key has not been copied. Once this dialog is closed, its value cannot be shown again; you would have to add another
          key.
        </Notice>
      )}
    </AppDialog>
  );
}
