import { useState } from 'react';
import { importKey } from '../../actions/key-actions';
import { keyTextHint, keyTextHintMessage } from '../../lib/key-text-hint';
import { Field } from '../../ui/Field';
import { FormDialog, KeyLabelField } from './FormDialog';
import { useDialogError } from './useDialogState';
import { useWorkflow, workflowTitle } from './useWorkflow';
import '../../ui/Field.css';

/**
 * R5: a key copied from the Kinde dashboard. The hint checks the shape as it is typed; the core
 * parses the key and refuses a duplicate, and what it says is shown here. The typed value lives
 * in this component only and is gone when the dialog closes.
 */
export function ImportKeyDialog({ workflowId, returnFocusId }: { workflowId: string; returnFocusId: string | null }) {
  const error = useDialogError();
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
      onSubmit={() => void importKey(workflowId, value, label)}
      error={keyError ? null : error}
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
      <KeyLabelField value={label} onChange={setLabel} />
    </FormDialog>
  );
}
