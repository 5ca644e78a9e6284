import { useState } from 'react';
import { closeDialog } from '../../actions/dialog-actions';
import { updateWorkflow } from '../../actions/workflow-actions';
import { AppDialog } from '../../ui/AppDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Spinner } from '../../ui/Spinner';
import { useDialogBusy, useDialogError } from './useDialogState';
import { useWorkflow } from './useWorkflow';
import { type WorkflowFieldValues, WorkflowFields, workflowChanges } from './WorkflowFields';

export function EditWorkflowDialog({ workflowId, returnFocusId }: { workflowId: string; returnFocusId: string | null }) {
  const busy = useDialogBusy();
  const error = useDialogError();
  const workflow = useWorkflow(workflowId);
  const [values, setValues] = useState<WorkflowFieldValues>(() => ({
    name: workflow?.name ?? '',
    rotationDays: String(workflow?.rotationDays ?? ''),
    notes: workflow?.notes ?? '',
  }));

  return (
    <AppDialog
      title="Edit workflow"
      description={<span className="mono">{workflowId}</span>}
      returnFocusId={returnFocusId}
      onRequestClose={closeDialog}
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog} disabled={busy}>
            Cancel
          </button>
          <button type="submit" form="edit-workflow-form" className="button button-primary" disabled={busy}>
            {busy && <Spinner />}
            Save
          </button>
        </>
      }
    >
      <form
        id="edit-workflow-form"
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void updateWorkflow(workflowId, workflowChanges(values));
        }}
      >
        <WorkflowFields values={values} onChange={setValues} />
      </form>
      {error && <ErrorNotice error={error} />}
    </AppDialog>
  );
}
