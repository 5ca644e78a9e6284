import { useState } from 'react';
import { addKey } from '../../actions/key-actions';
import { FormDialog, KeyLabelField } from './FormDialog';
import { useDialogError } from './useDialogState';
import { useWorkflow, workflowTitle } from './useWorkflow';

/** R4: shown when the workflow already has keys, because the new one will not be the active key. */
export function AddKeyInfoDialog({ workflowId, returnFocusId }: { workflowId: string; returnFocusId: string | null }) {
  const error = useDialogError();
  const workflow = useWorkflow(workflowId);
  const [label, setLabel] = useState('');
  return (
    <FormDialog
      title="Add encryption key"
      description={`The new key is added as inactive. It stays inactive until you activate it, so ${workflowTitle(workflow, workflowId)} keeps its current active key until then.`}
      returnFocusId={returnFocusId}
      formId="add-key-form"
      submitLabel="Add"
      onSubmit={() => void addKey(workflowId, returnFocusId, label)}
      error={error}
    >
      <KeyLabelField
        value={label}
        onChange={setLabel}
        hint="A name that helps you tell keys apart, such as where the key is deployed."
      />
    </FormDialog>
  );
}
