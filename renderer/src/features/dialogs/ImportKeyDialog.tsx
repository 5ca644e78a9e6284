import { useState } from 'react';
import { importKey } from '../../actions/key-actions';
import { keyTextHint, keyTextHintMessage } from '../../lib/key-text-hint';
import { Field } from '../../ui/Field';
import { FormDialog, KeyLabelField } from './FormDialog';
import { useDialogBusy, useDialogError } from './useDialogState';
import { useWorkflow, workflowTitle } from './useWorkflow';
import '../../ui/Field.css';

/**
 * R5: a key copied from the Kinde dashboard. The field is masked (Show reveals it); the hint
 * checks the shape as it is typed; the core parses the key and refuses a duplicate, and what it
 * says is shown here. The typed value lives in this component only and is gone when the dialog
 * closes. "Paste from clipboard" never brings the value into the page: main reads the clipboard,
 * imports, and clears the clipboard if it still holds the key (R14).
 */
export function ImportKeyDialog({ workflowId, returnFocusId }: { workflowId: string; returnFocusId: string | null }) {
  const error = useDialogError();
  const busy = useDialogBusy();
  const [shown, setShown] = useState(false);
  const workflow = useWorkflow(workflowId);
  const [value, setValue] = useState('');
  const [label, setLabel] = useState('');
  const hint = keyTextHint(value);
  const firstKey = (workflow?.keyCount ?? 0) === 0;
  const keyError = error && (error.code === 'INVALID_KEY' || error.code === 'DUPLICATE_KEY') ? error.message : null;

  return (
    <FormDialog
      title="Import key"
      description={`Paste a key copied from the Kinde dashboard into ${workflowTitle(workflow, workflowId)}. ${
        firstKey
          ? 'As the first key of the workflow, it becomes the active key.'
          : 'It is added as inactive and stays inactive until you activate it.'
      }`}
      wide
      returnFocusId={returnFocusId}
      formId="import-key-form"
      submitLabel="Import"
      canSubmit={hint.kind !== 'empty'}
      onSubmit={() => void importKey(workflowId, { value }, label)}
      error={keyError ? null : error}
    >
      <Field
        label="Key"
        hint={keyTextHintMessage(hint)}
        hintTone={hint.kind === 'looks-valid' ? 'good' : hint.kind === 'empty' ? undefined : 'bad'}
        error={keyError}
      >
        {(control) => (
          <div className="masked-input">
            <input
              {...control}
              type={shown ? 'text' : 'password'}
              className="input mono"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              maxLength={1000}
            />
            <button type="button" className="button" aria-pressed={shown} onClick={() => setShown(!shown)}>
              {shown ? 'Hide' : 'Show'}
            </button>
          </div>
        )}
      </Field>
      <div className="paste-from-clipboard">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void importKey(workflowId, { fromClipboard: true }, label)}
        >
          Paste from clipboard
        </button>
        <span className="field-hint">Imports the key on the clipboard without showing it, then clears the clipboard.</span>
      </div>
      <KeyLabelField value={label} onChange={setLabel} />
    </FormDialog>
  );
}
