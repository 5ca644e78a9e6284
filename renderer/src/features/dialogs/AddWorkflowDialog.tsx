import { useState } from 'react';
import { closeDialog } from '../../actions/dialog-actions';
import { addWorkflow } from '../../actions/workflow-actions';
import { DEFAULT_ROTATION_DAYS } from '../../lib/defaults';
import { AppDialog } from '../../ui/AppDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import { useDialogBusy, useDialogError } from './useDialogState';
import { type WorkflowFieldValues, WorkflowFields, workflowChanges } from './WorkflowFields';

export function AddWorkflowDialog({ returnFocusId }: { returnFocusId: string | null }) {
  const busy = useDialogBusy();
  const error = useDialogError();
  const [id, setId] = useState('');
  const [values, setValues] = useState<WorkflowFieldValues>({ name: '', rotationDays: String(DEFAULT_ROTATION_DAYS), notes: '' });
  const idError = error && (error.code === 'ALREADY_EXISTS' || error.code === 'INVALID_INPUT') ? error.message : null;

  return (
    <AppDialog
      title="Add workflow"
      description="Add a Kinde workflow that uses secureFetch, then add or import its encryption keys."
      returnFocusId={returnFocusId}
      onRequestClose={closeDialog}
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog} disabled={busy}>
            Cancel
          </button>
          <button type="submit" form="add-workflow-form" className="button button-primary" disabled={busy || id.trim() === ''}>
            {busy && <Spinner />}
            Add workflow
          </button>
        </>
      }
    >
      <form
        id="add-workflow-form"
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void addWorkflow({ id: id.trim(), ...workflowChanges(values) });
        }}
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
      </form>
      {error && !idError && <ErrorNotice error={error} />}
    </AppDialog>
  );
}
