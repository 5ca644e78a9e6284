import { useState } from 'react';
import { updateWorkflow } from '../../actions/workflow-actions';
import { FormDialog } from './FormDialog';
import { useDialogError } from './useDialogState';
import { useWorkflow } from './useWorkflow';
import { type WorkflowFieldValues, WorkflowFields, workflowChanges } from './WorkflowFields';

export function EditWorkflowDialog({ workflowId, returnFocusId }: { workflowId: string; returnFocusId: string | null }) {
  const error = useDialogError();
  const workflow = useWorkflow(workflowId);
  const [values, setValues] = useState<WorkflowFieldValues>(() => ({
    name: workflow?.name ?? '',
    rotationDays: String(workflow?.rotationDays ?? ''),
    notes: workflow?.notes ?? '',
  }));

  return (
    <FormDialog
      title="Edit workflow"
      description={<span className="mono">{workflowId}</span>}
      returnFocusId={returnFocusId}
      formId="edit-workflow-form"
      submitLabel="Save"
      onSubmit={() => void updateWorkflow(workflowId, workflowChanges(values))}
      error={error}
    >
      <WorkflowFields values={values} onChange={setValues} />
    </FormDialog>
  );
}
