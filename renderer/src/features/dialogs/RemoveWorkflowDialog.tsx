import { removeWorkflow } from '../../actions/workflow-actions';
import { plural } from '../../lib/format';
import { Notice } from '../../ui/Notice';
import { ConfirmDialog } from './ConfirmDialog';
import { useDialogError } from './useDialogState';
import { useWorkflow, workflowTitle } from './useWorkflow';

/** R1: refused while the workflow holds an active key; otherwise its inactive keys go with it. */
export function RemoveWorkflowDialog({ workflowId, returnFocusId }: { workflowId: string; returnFocusId: string | null }) {
  const error = useDialogError();
  const workflow = useWorkflow(workflowId);
  const title = workflowTitle(workflow, workflowId);
  const hasActiveKey = workflow !== null && !workflow.noActiveKey;
  const keyCount = workflow?.keyCount ?? 0;

  return (
    <ConfirmDialog
      title="Remove workflow"
      description={
        hasActiveKey
          ? `${title} cannot be removed while it has an active key.`
          : keyCount === 0
            ? `${title} is removed from the vault. It has no keys.`
            : `${title} is removed from the vault with its ${plural(keyCount, 'inactive key')}. Payloads they encrypted can no longer be decrypted here. The audit log keeps their ids and fingerprints.`
      }
      returnFocusId={returnFocusId}
      confirmLabel="Remove workflow"
      tone="danger"
      canConfirm={!hasActiveKey}
      onConfirm={() => void removeWorkflow(workflowId)}
      error={error}
    >
      {hasActiveKey && (
        <Notice tone="warning" title="Deactivate its active key first">
          Then the workflow can be removed together with its inactive keys.
        </Notice>
      )}
    </ConfirmDialog>
  );
}
