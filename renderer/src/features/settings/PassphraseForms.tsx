import { type ReactNode, useState } from 'react';
import type { CustodyErrorShape } from '../../../../shared/errors';
import { NewPassphraseSchema } from '../../../../shared/settings';
import { changePassphrase, removePassphrase, setPassphrase } from '../../actions/settings-actions';
import { useSettingsStore } from '../../state/settings-store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import '../../ui/Field.css';

/** What a vault without a passphrase gives away, said once wherever the passphrase is offered. */
export const WITHOUT_PASSPHRASE =
  'Without a passphrase, anyone who can run programs as you on this computer can open the vault, since the keychain hands its key to any of them.';

/** Why a new passphrase cannot be used yet, or null: the shared rule, then the two typings agree. */
export function newPassphraseProblem(next: string, repeat: string): string | null {
  const parsed = NewPassphraseSchema.safeParse(next);
  if (!parsed.success) return `The new passphrase cannot be used: ${parsed.error.issues[0]?.message ?? 'not valid'}.`;
  if (next !== repeat) return 'The two new passphrases differ. Type the same one twice.';
  return null;
}

export function PasswordField({
  label,
  value,
  onChange,
  autoComplete,
  error,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
  error?: string | null;
  hint?: ReactNode;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="password"
          className="input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete={autoComplete}
        />
      )}
    </Field>
  );
}

function useSubmit(run: () => Promise<CustodyErrorShape | null>, reset: () => void) {
  const [error, setError] = useState<CustodyErrorShape | null>(null);
  const submit = async () => {
    const refusal = await run();
    setError(refusal);
    if (!refusal) reset();
  };
  return { error, submit };
}

function PassphraseForm({
  id,
  submitLabel,
  canSubmit,
  onSubmit,
  error,
  danger = false,
  extraButton,
  children,
}: {
  id: string;
  submitLabel: string;
  canSubmit: boolean;
  onSubmit: () => void;
  error: CustodyErrorShape | null;
  danger?: boolean;
  extraButton?: ReactNode;
  children: ReactNode;
}) {
  const saving = useSettingsStore((s) => s.saving);
  return (
    <form
      id={id}
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      {error && <ErrorNotice error={error} />}
      <div className="toolbar">
        {extraButton}
        <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={saving || !canSubmit}>
          {saving && <Spinner />}
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** A new passphrase typed twice: the two values, what is wrong with them, and a reset. */
function useNewPassphrase() {
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const problem = next === '' && repeat === '' ? null : newPassphraseProblem(next, repeat);
  const clear = () => {
    setNext('');
    setRepeat('');
  };
  return { next, setNext, repeat, setRepeat, problem, ready: next !== '' && problem === null, clear };
}

function NewPassphraseFields({ typed }: { typed: ReturnType<typeof useNewPassphrase> }) {
  return (
    <>
      <PasswordField label="New passphrase" value={typed.next} onChange={typed.setNext} autoComplete="new-password" />
      <PasswordField
        label="New passphrase again"
        value={typed.repeat}
        onChange={typed.setRepeat}
        autoComplete="new-password"
        error={typed.repeat === '' ? null : typed.problem}
      />
    </>
  );
}

/** A new passphrase, typed twice. `onDone` runs once the core has set it. */
export function SetPassphraseForm({ onDone, skipButton }: { onDone?: () => void; skipButton?: ReactNode }) {
  const typed = useNewPassphrase();
  const { error, submit } = useSubmit(
    () => setPassphrase(typed.next),
    () => {
      typed.clear();
      onDone?.();
    },
  );
  return (
    <PassphraseForm
      id="set-passphrase-form"
      submitLabel="Set passphrase"
      canSubmit={typed.ready}
      onSubmit={() => void submit()}
      error={error}
      extraButton={skipButton}
    >
      <NewPassphraseFields typed={typed} />
    </PassphraseForm>
  );
}

export function ChangePassphraseForm() {
  const [current, setCurrent] = useState('');
  const typed = useNewPassphrase();
  const { error, submit } = useSubmit(
    () => changePassphrase(current, typed.next),
    () => {
      setCurrent('');
      typed.clear();
    },
  );
  return (
    <PassphraseForm
      id="change-passphrase-form"
      submitLabel="Change passphrase"
      canSubmit={current !== '' && typed.ready}
      onSubmit={() => void submit()}
      error={error}
    >
      <PasswordField label="Current passphrase" value={current} onChange={setCurrent} autoComplete="current-password" />
      <NewPassphraseFields typed={typed} />
    </PassphraseForm>
  );
}

export function RemovePassphraseForm() {
  const [current, setCurrent] = useState('');
  const { error, submit } = useSubmit(
    () => removePassphrase(current),
    () => setCurrent(''),
  );
  return (
    <PassphraseForm
      id="remove-passphrase-form"
      submitLabel="Remove passphrase"
      canSubmit={current !== ''}
      onSubmit={() => void submit()}
      error={error}
      danger
    >
      <PasswordField
        label="Current passphrase"
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
        hint={WITHOUT_PASSPHRASE}
      />
    </PassphraseForm>
  );
}
