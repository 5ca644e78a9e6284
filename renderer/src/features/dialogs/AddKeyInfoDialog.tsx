import { useState } from 'react';
import { addKey } from '../../actions/key-actions';
import { closeDialog } from '../../actions/dialog-actions';
import { AppDialog } from '../../ui/AppDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import { useDialogBusy, useDialogError } from './useDialogState';
import { useWorkflow, workflowTitle } from './useWorkflow';

/** R4: shown when the workflow already has keys, because the new one will not be the active key. */
export function AddKeyInfoDialog({ workflowId, returnFocusId }: { workflowId: string; returnFocusId: string | null }) {
  const busy = useDialogBusy();
  const error = useDialogError();
  const workflow = useWorkflow(workflowId);
  const [label, setLabel] = useState('');
  const submit = () => void addKey(workflowId, returnFocusId, label);
  return (
    <AppDialog
      title="Add encryption key"
      description={`The new key is added as inactive. It stays inactive until you activate it, so ${workflowTitle(workflow, workflowId)} keeps its current active key until then.`}
      returnFocusId={returnFocusId}
      onRequestClose={closeDialog}
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog} disabled={busy}>
            Cancel
          </button>
          <button type="submit" form="add-key-form" className="button button-primary" disabled={busy}>
            {busy && <Spinner />}
            Add
          </button>
        </>
      }
    >
      <form
        id="add-key-form"
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field label="Label" optional hint="A name that helps you tell keys apart, such as where the key is deployed.">
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
      {error && <ErrorNotice error={error} />}
    </AppDialog>
  );
}
