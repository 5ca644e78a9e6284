import { openDialog } from '../../actions/dialog-actions';
import { useWorkflowStore } from '../../state/workflow-store';
import { EmptyState } from '../../ui/EmptyState';
import { KeyIcon, PlusIcon } from '../../ui/icons';
import { Loading } from '../../ui/Spinner';
import { PageHeading } from '../shell/PageHeading';
import { WorkflowPage } from './WorkflowPage';

const EMPTY_ADD_ID = 'empty-add-workflow';

export function WorkflowScreen() {
  const loaded = useWorkflowStore((s) => s.workflowsLoaded);
  const selected = useWorkflowStore((s) => s.workflows.find((w) => w.id === s.selectedWorkflowId) ?? null);
  const hasWorkflows = useWorkflowStore((s) => s.workflows.length > 0);

  if (!loaded) return <Loading label="Loading workflows…" />;
  if (selected) return <WorkflowPage workflow={selected} />;
  return (
    <div className="page">
      <PageHeading>Workflows</PageHeading>
      <div className="card">
        <EmptyState
          icon={<KeyIcon />}
          title={hasWorkflows ? 'Select a workflow' : 'Add your first workflow'}
          actions={
            !hasWorkflows && (
              <button
                type="button"
                id={EMPTY_ADD_ID}
                className="button button-primary"
                onClick={() => openDialog({ kind: 'add-workflow', returnFocusId: EMPTY_ADD_ID })}
              >
                <PlusIcon />
                Add workflow
              </button>
            )
          }
        >
          {hasWorkflows
            ? 'Pick a workflow in the sidebar to see its encryption keys.'
            : 'A workflow here mirrors a Kinde workflow that uses secureFetch. Add it with its Kinde workflow id, then add or import its encryption keys.'}
        </EmptyState>
      </div>
    </div>
  );
}
