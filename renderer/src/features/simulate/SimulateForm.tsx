import type { WorkflowSummary } from '../../../../shared/domain';
import {
  copySealedPayload,
  decryptSealedInWorkbench,
  encryptBody,
  setSimulateBody,
  setSimulateWorkflow,
} from '../../actions/simulate-actions';
import { formatFingerprint } from '../../lib/format';
import { keyName } from '../../lib/key-name';
import { type SealedBody, useSimulateStore } from '../../state/simulate-store';
import { useWorkflowStore } from '../../state/workflow-store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { CopyIcon, LockIcon, UnlockIcon } from '../../ui/icons';
import { Spinner } from '../../ui/Spinner';
import '../../ui/Field.css';
import '../decrypt/input-card.css';
import './SimulateForm.css';

const CAPTURE_TEXT_ID = 'capture-text';
const PAYLOAD_ID = 'simulate-payload';

/** The workflow shown first: the one selected in the sidebar if it can encrypt, else the first that can. */
function defaultWorkflowId(workflows: readonly WorkflowSummary[], selectedId: string | null): string | null {
  const selected = workflows.find((w) => w.id === selectedId);
  if (selected && !selected.noActiveKey) return selected.id;
  return (workflows.find((w) => !w.noActiveKey) ?? workflows[0])?.id ?? null;
}

function SealedPayload({ sealed }: { sealed: SealedBody }) {
  const tryIt = async () => {
    await decryptSealedInWorkbench();
    // The button is gone with its tab: the capture it filled in takes focus.
    document.getElementById(CAPTURE_TEXT_ID)?.focus();
  };
  return (
    <div className="sealed">
      <label className="field-label" htmlFor={PAYLOAD_ID}>
        Payload (base64url)
      </label>
      <textarea
        id={PAYLOAD_ID}
        className="textarea payload-output"
        value={sealed.payload}
        readOnly
        spellCheck={false}
        rows={3}
        aria-describedby={`${PAYLOAD_ID}-sealed-with`}
      />
      <p className="field-hint" id={`${PAYLOAD_ID}-sealed-with`} role="status">
        Sealed with {keyName(sealed.key)} (<span className="mono">{formatFingerprint(sealed.key.fingerprint)}</span>), the active
        key of <span className="mono">{sealed.workflowId}</span>, in the layout secureFetch sends:{' '}
        <span className="mono">nonce-tag-ciphertext</span>.
      </p>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => void copySealedPayload()}>
          <CopyIcon />
          Copy payload
        </button>
        <button type="button" className="button" onClick={() => void tryIt()}>
          <UnlockIcon />
          Decrypt it in the workbench
        </button>
      </div>
    </div>
  );
}

/** Seals a body with a workflow's active key, as secureFetch (and `custody encrypt`) would, to test a receiver. */
export function SimulateForm() {
  const workflows = useWorkflowStore((s) => s.workflows);
  const selectedWorkflowId = useWorkflowStore((s) => s.selectedWorkflowId);
  const chosenId = useSimulateStore((s) => s.workflowId);
  const body = useSimulateStore((s) => s.body);
  const sealed = useSimulateStore((s) => s.sealed);
  const encrypting = useSimulateStore((s) => s.encrypting);
  const error = useSimulateStore((s) => s.error);
  const workflowId = chosenId ?? defaultWorkflowId(workflows, selectedWorkflowId);
  const workflow = workflows.find((w) => w.id === workflowId) ?? null;
  const cannotEncrypt = workflow?.noActiveKey ?? true;

  return (
    <section className="card input-card" aria-labelledby="simulate-title" aria-describedby="simulate-description">
      <div>
        <h2 className="card-title" id="simulate-title">
          Encrypt a body as secureFetch would
        </h2>
        <p className="card-description" id="simulate-description">
          The workflow’s active key seals the body with AES-256-GCM; the payload is base64url of nonce, tag and ciphertext. Send
          it to your receiver to test it.
        </p>
      </div>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (workflowId !== null && !cannotEncrypt) void encryptBody(workflowId);
        }}
      >
        <Field
          label="Workflow"
          hint={workflow?.noActiveKey ? 'This workflow has no active key. Activate one of its keys first.' : undefined}
          hintTone="bad"
        >
          {(control) => (
            <select
              {...control}
              className="select simulate-workflow"
              value={workflowId ?? ''}
              onChange={(event) => setSimulateWorkflow(event.target.value)}
              disabled={workflows.length === 0}
            >
              {workflows.length === 0 && <option value="">No workflows yet</option>}
              {workflows.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name && w.name !== w.id ? `${w.name} (${w.id})` : w.id}
                  {w.noActiveKey ? ' — no active key' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Request body" hint="Encrypted as UTF-8 text, as secureFetch sends it.">
          {(control) => (
            <textarea
              {...control}
              className="textarea code-input"
              value={body}
              onChange={(event) => setSimulateBody(event.target.value)}
              placeholder='{"user": {"id": "kp_0123456789"}}'
              spellCheck={false}
              autoComplete="off"
            />
          )}
        </Field>
        <div className="toolbar">
          <button type="submit" className="button button-primary" disabled={cannotEncrypt || encrypting}>
            {encrypting ? <Spinner /> : <LockIcon />}
            Encrypt
          </button>
        </div>
      </form>
      {error && <ErrorNotice error={error} />}
      {sealed && <SealedPayload sealed={sealed} />}
    </section>
  );
}
