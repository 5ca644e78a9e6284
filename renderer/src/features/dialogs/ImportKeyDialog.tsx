import { useState } from 'react';
import { closeDialog } from '../../actions/dialog-actions';
import { importKey } from '../../actions/key-actions';
import { keyTextHint, keyTextHintMessage } from '../../lib/key-text-hint';
import { AppDialog } from '../../ui/AppDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import { useDialogBusy, useDialogError } from './useDialogState';
import { useWorkflow, workflowTitle } from './useWorkflow';

/**
 * R5: a key copied from the Kinde dashboard. The hint checks the shape as it is typed; the core
 * parses the key and refuses a duplicate, and what it says is shown here. The typed value lives
 * in this component only and is gone when the dialog closes.
 */
export function ImportKeyDialog({ workflowId, returnFocusId }: { workflowId: string; returnFocusId: string | null }) {
  const busy = useDialogBusy();
  const error = useDialogError();
  const workflow = useWorkflow(workflowId);
  const [value, setValue] = useState('');
  const [label, setLabel] = useState('');
  const hint = keyTextHint(value);
  const firstKey = (workflow?.keyCount ?? 0) === 0;
  const keyError = error && (error.code === 'INVALID_KEY' || error.code === 'DUPLICATE_KEY') ? error.message : null;

  return (
    <AppDialog
      title="Import key"
      description={`Paste a key copied from the Kinde dashboard into ${workflowTitle(workflow, workflowId)}. ${
        firstKey
          ? 'As the first key of the workflow, it becomes the active key.'
          : 'It is added as inactive and stays inactive until you activate it.'
      }`}
      wide
      returnFocusId={returnFocusId}
      onRequestClose={closeDialog}
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog} disabled={busy}>
            Cancel
          </button>
          <button type="submit" form="import-key-form" className="button button-primary" disabled={busy || hint.kind === 'empty'}>
            {busy && <Spinner />}
            Import
          </button>
        </>
      }
    >
      <form
        id="import-key-form"
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void importKey(workflowId, value, label);
        }}
      >
        <Field
          label="Key"
          hint={keyTextHintMessage(hint)}
          hintTone={hint.kind === 'looks-valid' ? 'good' : hint.kind === 'empty' ? undefined : 'bad'}
          error={keyError}
        >
          {(control) => (
            <input
              {...control}
              className="input mono"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              maxLength={1000}
            />
          )}
        </Field>
        <Field label="Label" optional>
          {(control) => (
            <input
              {...control}
              className="input"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              maxLength={200}
              autoComplete="off"
            />
          )}
        </Field>
      </form>
      {error && !keyError && <ErrorNotice error={error} />}
    </AppDialog>
  );
}
