import { useState } from 'react';
import type { CustodyErrorShape } from '../../../../shared/errors';
import {
  SETTING_BOUNDS,
  SETTING_NAMES,
  type SettingName,
  type VaultSettings,
  VaultSettingsSchema,
} from '../../../../shared/settings';
import { saveSettings } from '../../actions/settings-actions';
import { useSettingsStore } from '../../state/settings-store';
import { useVaultStore } from '../../state/vault-store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Loading, Spinner } from '../../ui/Spinner';
import { PageHeading } from '../shell/PageHeading';
import { LastBackup } from './LastBackup';
import { ChangePassphraseForm, RemovePassphraseForm, SetPassphraseForm, WITHOUT_PASSPHRASE } from './PassphraseForms';
import './SettingsScreen.css';

const LABELS: Record<SettingName, { label: string; hint: string }> = {
  idleMinutes: {
    label: 'Lock after idle minutes',
    hint: 'The vault locks after this long without input, on screen lock, on sleep and on quit.',
  },
  clipboardSeconds: {
    label: 'Clear the clipboard after seconds',
    hint: 'A copied key, payload or decrypted body leaves the clipboard after this long.',
  },
  deletionWaitDays: {
    label: 'Wait before deleting a key, days',
    hint: 'A deleted key can be restored with Cancel deletion until then. 0 deletes at once.',
  },
};

type Drafts = Record<SettingName, string>;

/** Field errors from the shared schema, by setting; none when the drafts are valid. */
function problemsOf(drafts: Drafts): { settings: VaultSettings | null; errors: Partial<Record<SettingName, string>> } {
  const parsed = VaultSettingsSchema.safeParse(Object.fromEntries(SETTING_NAMES.map((name) => [name, Number(drafts[name])])));
  if (parsed.success) return { settings: parsed.data, errors: {} };
  const errors: Partial<Record<SettingName, string>> = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path[0] as SettingName;
    errors[name] ??= `${LABELS[name].label}: ${SETTING_BOUNDS[name].min} to ${SETTING_BOUNDS[name].max}, a whole number.`;
  }
  return { settings: null, errors };
}

function SettingsForm({ saved }: { saved: VaultSettings }) {
  const saving = useSettingsStore((s) => s.saving);
  const [drafts, setDrafts] = useState<Drafts>(
    () => Object.fromEntries(SETTING_NAMES.map((name) => [name, String(saved[name])])) as Drafts,
  );
  const [error, setError] = useState<CustodyErrorShape | null>(null);
  const { settings, errors } = problemsOf(drafts);
  const changed = settings !== null && SETTING_NAMES.some((name) => settings[name] !== saved[name]);

  return (
    <form
      className="form"
      aria-labelledby="settings-lock-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (settings) void saveSettings(settings).then(setError);
      }}
    >
      {SETTING_NAMES.map((name) => (
        <Field key={name} label={LABELS[name].label} hint={LABELS[name].hint} error={errors[name] ?? null}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              className="input settings-number"
              min={SETTING_BOUNDS[name].min}
              max={SETTING_BOUNDS[name].max}
              step={1}
              value={drafts[name]}
              onChange={(e) => setDrafts({ ...drafts, [name]: e.target.value })}
            />
          )}
        </Field>
      ))}
      {error && <ErrorNotice error={error} />}
      <div className="toolbar">
        <button type="submit" className="button button-primary" disabled={saving || !changed}>
          {saving && <Spinner />}
          Save settings
        </button>
      </div>
    </form>
  );
}

function PassphraseSection() {
  const status = useVaultStore((s) => s.status);
  const passphraseSet = status.state === 'ready' && status.passphraseSet;
  return (
    <section className="card settings-card" aria-labelledby="settings-passphrase-title">
      <h2 className="section-title" id="settings-passphrase-title">
        Passphrase
      </h2>
      {passphraseSet ? (
        <>
          <p className="section-description">
            The vault opens with your keychain and this passphrase together. Unlocking asks for it.
          </p>
          <h3 className="settings-subtitle">Change the passphrase</h3>
          <ChangePassphraseForm />
          <h3 className="settings-subtitle">Remove the passphrase</h3>
          <RemovePassphraseForm />
        </>
      ) : (
        <>
          <p className="section-description">Recommended. {WITHOUT_PASSPHRASE}</p>
          <SetPassphraseForm />
        </>
      )}
    </section>
  );
}

export function SettingsScreen() {
  const settings = useSettingsStore((s) => s.settings);
  const error = useSettingsStore((s) => s.error);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <PageHeading focusOnMount>Settings</PageHeading>
          <p className="page-subtitle">Kept inside the vault; every change is in the audit log.</p>
        </div>
      </header>
      <section className="card settings-card" aria-labelledby="settings-lock-title">
        <h2 className="section-title" id="settings-lock-title">
          Lock and clipboard
        </h2>
        {error && <ErrorNotice error={error} />}
        {settings ? <SettingsForm saved={settings} /> : !error && <Loading label="Reading the settings…" />}
      </section>
      <PassphraseSection />
      <section className="card settings-card" aria-labelledby="settings-backup-title">
        <h2 className="section-title" id="settings-backup-title">
          Backup
        </h2>
        <p className="section-description">
          One file holding every workflow, key, setting and the audit log, under a passphrase of its own. Restore it with File →
          Restore…, on this computer or another.
        </p>
        <LastBackup buttonId="settings-back-up" />
      </section>
    </div>
  );
}
