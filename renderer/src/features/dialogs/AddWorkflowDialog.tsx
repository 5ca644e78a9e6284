import { useState } from 'react';
import { addWorkflow } from '../../actions/workflow-actions';
import { DEFAULT_ROTATION_DAYS } from '../../lib/defaults';
import { Field } from '../../ui/Field';
import { FormDialog } from './FormDialog';
import { useDialogError } from './useDialogState';
import { type WorkflowFieldValues, WorkflowFields, workflowChanges } from './WorkflowFields';
import '../../ui/Field.css';

export function AddWorkflowDialog({ returnFocusId }: { returnFocusId: string | null }) {
  const error = useDialogError();
  const [id, setId] = useState('');
  const [values, setValues] = useState<WorkflowFieldValues>({ name: '', rotationDays: String(DEFAULT_ROTATION_DAYS), notes: '' });
  const idError = error && (error.code === 'ALREADY_EXISTS' || error.code === 'INVALID_INPUT') ? error.message : null;

  return (
    <FormDialog
      title="Add workflow"
      description="Add a Kinde workflow that uses secureFetch, then add or import its encryption keys."
      returnFocusId={returnFocusId}
      formId="add-workflow-form"
      submitLabel="Add workflow"
      canSubmit={id.trim() !== ''}
      onSubmit={() => void addWorkflow({ id: id.trim(), ...workflowChanges(values) })}
      error={idError ? null : error}
    >
      <Field
        label="Workflow ID"
        hint={
          <>
            As in Kinde, e.g. <span className="mono">onUserTokenGeneration</span>: up to 128 letters, digits and{' '}
            <span className="mono nowrap">_ . : -</span>
          </>
        }
        error={idError}
      >
        {(control) => (
          <input
            {...control}
            className="input mono"
            value={id}
            onChange={(e) => setId(e.target.value)}
            required
            autoComplete="off"
            spellCheck={false}
            maxLength={128}
          />
        )}
      </Field>
      <WorkflowFields values={values} onChange={setValues} />
    </FormDialog>
  );
}
