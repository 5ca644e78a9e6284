import { setDecryptScope } from '../../actions/decrypt-actions';
import { useDecryptStore } from '../../state/decrypt-store';
import { useWorkflowStore } from '../../state/workflow-store';
import '../../ui/Field.css';
import './ScopePicker.css';

/** R10: one workflow's keys (active first, then newest) or every key of every workflow. */
export function ScopePicker() {
  const scope = useDecryptStore((s) => s.scope);
  const workflows = useWorkflowStore((s) => s.workflows);
  const selectedId = useWorkflowStore((s) => s.selectedWorkflowId);
  const workflowId = scope.mode === 'workflow' ? scope.workflowId : (selectedId ?? workflows[0]?.id ?? null);

  return (
    <fieldset className="scope-picker">
      <legend>Keys to try</legend>
      <label className="radio-row">
        <input
          type="radio"
          name="decrypt-scope"
          checked={scope.mode === 'workflow'}
          disabled={workflowId === null}
          onChange={() => workflowId !== null && setDecryptScope({ mode: 'workflow', workflowId })}
        />
        This workflow’s keys
      </label>
      {workflowId !== null && (
        <select
          className="select"
          aria-label="Workflow"
          value={workflowId}
          disabled={scope.mode !== 'workflow'}
          onChange={(e) => setDecryptScope({ mode: 'workflow', workflowId: e.target.value })}
        >
          {workflows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name && w.name !== w.id ? `${w.name} (${w.id})` : w.id}
            </option>
          ))}
        </select>
      )}
      <label className="radio-row">
        <input
          type="radio"
          name="decrypt-scope"
          checked={scope.mode === 'any'}
          onChange={() => setDecryptScope({ mode: 'any' })}
        />
        Any workflow (every key in the vault)
      </label>
    </fieldset>
  );
}
