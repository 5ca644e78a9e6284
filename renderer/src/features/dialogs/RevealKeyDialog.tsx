import { useEffect, useState } from 'react';
import { REVEAL_LIFETIME_MS } from '../../../../shared/domain';
import {
  copyRevealedKey,
  discardRevealedKey,
  fetchRevealedValue,
  keepRevealedKeyOpen,
  requestCloseRevealedKey,
} from '../../actions/key-actions';
import { clearsIn } from '../../lib/clears-in';
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
 * R4/R14: the new key's value, once. The store holds only its reveal handle; the value is fetched
 * from main into this component's state while the dialog is open, and dies with it. Copy sends
 * the handle (main copies, audits and clears later). Closing before a copy asks once more and
 * offers to discard the key, which nobody holds yet.
 */
export function RevealKeyDialog({ dialog }: { dialog: Extract<Dialog, { kind: 'reveal-key' }> }) {
  const busy = useDialogBusy();
  const error = useDialogError();
  const { key, handle } = dialog.reveal;
  const workflow = useWorkflow(key.workflowId);
  const [value, setValue] = useState<string | null>(null);

  useEffect(() => {
    let shown = true;
    const fetchValue = () =>
      void fetchRevealedValue(handle).then((fetched) => {
        if (shown) setValue(fetched);
      });
    fetchValue();
    // When the handle's lifetime is over, main answers REVEAL_EXPIRED and the value leaves the page too.
    const expiry = setTimeout(fetchValue, REVEAL_LIFETIME_MS);
    return () => {
      shown = false;
      clearTimeout(expiry);
      setValue(null);
    };
  }, [handle]);

  const footer = dialog.confirmingClose ? (
    <>
      <button type="button" className="button" onClick={keepRevealedKeyOpen} autoFocus>
        Go back
      </button>
      <button type="button" className="button button-danger" onClick={() => void discardRevealedKey()} disabled={busy}>
        Discard this key
      </button>
      <button type="button" className="button" onClick={requestCloseRevealedKey}>
        I have copied it
      </button>
    </>
  ) : (
    <button type="button" className={dialog.copied ? 'button button-primary' : 'button'} onClick={requestCloseRevealedKey}>
      Close
    </button>
  );
  const expired = error?.code === 'REVEAL_EXPIRED';

  return (
    <AppDialog
      title="Encryption key"
      description="The new key’s value, shown this once."
      wide
      returnFocusId={dialog.returnFocusId}
      onRequestClose={dialog.confirmingClose ? keepRevealedKeyOpen : requestCloseRevealedKey}
      dismissOnOutsideClick={false}
      footer={footer}
    >
      <Notice tone="warning" title={REVEAL_WARNING} />
      <div className="key-value">
        <code aria-label="Encryption key value" aria-busy={value === null && !expired}>
          {value ?? (expired ? 'No longer available' : 'Loading…')}
        </code>
        <button type="button" className="button button-primary" onClick={() => void copyRevealedKey()} disabled={busy || expired}>
          {dialog.copied ? <CheckIcon /> : <CopyIcon />}
          {dialog.copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      {dialog.copied && (
        <p className="key-copied" role="status">
          {clearsIn(dialog.copied)}.
        </p>
      )}
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
          key. If nobody needs it, discard it now: it is deleted at once, even as the active key, and the audit log records it as
          discarded before use.
        </Notice>
      )}
    </AppDialog>
  );
}
