/**
 * The Settings screen's calls: the vault's settings and its passphrase. Each change goes through
 * the core, which validates it against the shared schema and audits it.
 */
import type { VaultStatus } from '../../../shared/domain';
import type { CustodyErrorShape, Result } from '../../../shared/errors';
import type { SettingsChanges } from '../../../shared/settings';
import { custody } from '../client/custody';
import { useSettingsStore } from '../state/settings-store';
import { showScreen } from './navigation-actions';
import { notify } from './notify';
import { applyVaultStatus, isInlineError } from './vault-actions';

export async function loadSettings(): Promise<void> {
  useSettingsStore.setState({ loading: true });
  const result = await custody().settings.get();
  useSettingsStore.setState(
    result.ok
      ? { loading: false, settings: result.value, error: null }
      : { loading: false, error: isInlineError(result.error) ? result.error : null },
  );
}

export function openSettings(): void {
  showScreen('settings');
  void loadSettings();
}

/** The core's refusal for the form to show, or null once saved. */
export async function saveSettings(changes: SettingsChanges): Promise<CustodyErrorShape | null> {
  useSettingsStore.setState({ saving: true });
  const result = await custody().settings.update(changes);
  useSettingsStore.setState({ saving: false });
  if (!result.ok) return isInlineError(result.error) ? result.error : null;
  useSettingsStore.setState({ settings: result.value });
  notify.success('Settings saved');
  return null;
}

async function passphraseCall(call: Promise<Result<VaultStatus>>, done: string): Promise<CustodyErrorShape | null> {
  useSettingsStore.setState({ saving: true });
  const result = await call;
  useSettingsStore.setState({ saving: false });
  if (!result.ok) return isInlineError(result.error) ? result.error : null;
  applyVaultStatus(result.value);
  notify.success(done);
  return null;
}

export function setPassphrase(passphrase: string): Promise<CustodyErrorShape | null> {
  return passphraseCall(custody().passphrase.set({ passphrase }), 'Passphrase set');
}

export function changePassphrase(current: string, next: string): Promise<CustodyErrorShape | null> {
  return passphraseCall(custody().passphrase.change({ current, next }), 'Passphrase changed');
}

export function removePassphrase(current: string): Promise<CustodyErrorShape | null> {
  return passphraseCall(custody().passphrase.remove({ current }), 'Passphrase removed');
}
