import type { WorkflowSummary } from '../../../../shared/domain';
import { openDialog } from '../../actions/dialog-actions';
import { startAddKey } from '../../actions/key-actions';
import { useWorkflowStore } from '../../state/workflow-store';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ImportIcon, KeyIcon, PlusIcon } from '../../ui/icons';
import { Loading } from '../../ui/Spinner';
import { KeyTable } from './KeyTable';

const ADD_KEY_BUTTON_ID = 'add-encryption-key';
const IMPORT_KEY_BUTTON_ID = 'import-key';

export function EncryptionKeysSection({ workflow }: { workflow: WorkflowSummary }) {
  const keys = useWorkflowStore((s) => s.keys);
  const keysFor = useWorkflowStore((s) => s.keysWorkflowId);
  const error = useWorkflowStore((s) => s.keysError);
  const loaded = keysFor === workflow.id;

  return (
    <section className="section" aria-labelledby="keys-heading">
      <div className="section-header">
        <div>
          <h2 className="section-title" id="keys-heading">
            Encryption keys
          </h2>
          <p className="section-description">
            Kinde encrypts this workflow’s secureFetch payloads with its active key. Keep inactive keys for as long as you need to
            decrypt payloads they encrypted.
          </p>
        </div>
        <div className="toolbar">
          <button
            type="button"
            id={IMPORT_KEY_BUTTON_ID}
            className="button"
            onClick={() => openDialog({ kind: 'import-key', workflowId: workflow.id, returnFocusId: IMPORT_KEY_BUTTON_ID })}
          >
            <ImportIcon />
            Import key
          </button>
          <button
            type="button"
            id={ADD_KEY_BUTTON_ID}
            className="button button-primary"
            onClick={() => startAddKey(workflow.id, ADD_KEY_BUTTON_ID)}
          >
            <PlusIcon />
            Add encryption key
          </button>
        </div>
      </div>
      {error && <ErrorNotice error={error} />}
      {!loaded && !error && <Loading label="Loading encryption keys…" />}
      {loaded && !error && keys.length === 0 && (
        <div className="card">
          <EmptyState icon={<KeyIcon />} title="No encryption keys">
            Add a new key and copy it into your workflow, or import the key you already copied from the Kinde dashboard. The first
            key becomes the active key.
          </EmptyState>
        </div>
      )}
      {loaded && keys.length > 0 && <KeyTable keys={keys} workflow={workflow} />}
    </section>
  );
}
