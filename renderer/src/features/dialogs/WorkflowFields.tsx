import { DEFAULT_ROTATION_DAYS } from '../../lib/defaults';
import { Field } from '../../ui/Field';
import '../../ui/Field.css';

export interface WorkflowFieldValues {
  name: string;
  rotationDays: string;
  notes: string;
}

/** Name, rotation period and notes: shared by Add workflow and Edit workflow. */
export function WorkflowFields({
  values,
  onChange,
}: {
  values: WorkflowFieldValues;
  onChange: (values: WorkflowFieldValues) => void;
}) {
  return (
    <>
      <Field label="Display name" optional hint="Shown in the sidebar; the workflow id is used when empty.">
        {(control) => (
          <input
            {...control}
            className="input"
            value={values.name}
            onChange={(e) => onChange({ ...values, name: e.target.value })}
            maxLength={200}
            autoComplete="off"
          />
        )}
      </Field>
      <Field
        label="Rotation period (days)"
        hint={`A key active for longer is flagged “Rotation due”. Default ${DEFAULT_ROTATION_DAYS} days.`}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="number"
            min={1}
            max={3650}
            required
            value={values.rotationDays}
            onChange={(e) => onChange({ ...values, rotationDays: e.target.value })}
          />
        )}
      </Field>
      <Field label="Notes" optional>
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            value={values.notes}
            onChange={(e) => onChange({ ...values, notes: e.target.value })}
            maxLength={4000}
          />
        )}
      </Field>
    </>
  );
}

/** The form's text as the contract's fields; an empty name is left out so the core uses the id. */
export function workflowChanges(values: WorkflowFieldValues): { name?: string; notes: string; rotationDays: number } {
  const name = values.name.trim();
  return { ...(name ? { name } : {}), notes: values.notes, rotationDays: Number(values.rotationDays) };
}
