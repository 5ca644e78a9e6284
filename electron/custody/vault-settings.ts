import { SETTING_NAMES, type SettingsChanges, SettingsChangesSchema, type VaultSettings } from '../../shared/settings';
import { CustodyError } from './custody-error';
import type { AuditEvent, Transition } from './key-lifecycle';
import type { VaultState } from './vault-state';

/** A change of settings as given (from IPC or the CLI), checked here too: a bad value never reaches the vault. */
export function validSettingsChanges(raw: unknown): SettingsChanges {
  const parsed = SettingsChangesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CustodyError(
      'INVALID_INPUT',
      `Invalid setting: ${parsed.error.issues[0]?.message ?? 'not valid'}. Nothing was changed.`,
    );
  }
  return parsed.data;
}

/** The settings whose value `changes` would change, each as `name.from` / `name.to` (settings hold no secret). */
function differences(current: VaultSettings, next: VaultSettings): AuditEvent['details'] {
  const details: AuditEvent['details'] = {};
  for (const name of SETTING_NAMES) {
    if (current[name] === next[name]) continue;
    details[`${name}.from`] = current[name];
    details[`${name}.to`] = next[name];
  }
  return details;
}

export function settingsChanged(current: VaultSettings, changes: SettingsChanges): boolean {
  return Object.keys(differences(current, { ...current, ...changes })).length > 0;
}

/** Item 10: settings live in the sealed state; the audit entry says old → new. */
export function updateSettings(state: VaultState, changes: SettingsChanges): Transition<VaultSettings> {
  const next = { ...state.settings, ...changes };
  return {
    state: { ...state, settings: next },
    event: {
      action: 'settings.update',
      workflowId: null,
      keyId: null,
      fingerprint: null,
      details: differences(state.settings, next),
    },
    result: next,
  };
}
