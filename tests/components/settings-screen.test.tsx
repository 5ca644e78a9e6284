/** Settings (R15, R14): idle minutes and clipboard seconds by the shared schema, and the passphrase. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VaultSettingsSchema } from '../../shared/settings';
import { createVault } from '../../renderer/src/actions/vault-actions';
import { SettingsScreen } from '../../renderer/src/features/settings/SettingsScreen';
import { useSettingsStore } from '../../renderer/src/state/settings-store';
import { useVaultStore } from '../../renderer/src/state/vault-store';
import { HOME, renderApp } from './render-app';

const SAVED = { idleMinutes: 5, clipboardSeconds: 30, deletionWaitDays: 7 };

function renderSettings(passphraseSet = false) {
  return renderApp(<SettingsScreen />, () => {
    useVaultStore.setState({ status: { state: 'ready', home: HOME, passphraseSet } });
    useSettingsStore.setState({ settings: SAVED });
  });
}

describe('the Settings screen', () => {
  it('refuses a value outside the shared bounds before asking main, then saves a valid one', async () => {
    const { main, user } = renderSettings();
    const idle = screen.getByLabelText('Lock after idle minutes');
    const save = screen.getByRole('button', { name: 'Save settings' });
    expect(idle).toHaveValue(5);
    expect(save).toBeDisabled();

    await user.clear(idle);
    await user.type(idle, '0');
    expect(idle).toHaveAccessibleDescription(/Lock after idle minutes: 1 to 240, a whole number\./);
    expect(save).toBeDisabled();

    main.answer('settings.update', (changes) => VaultSettingsSchema.parse({ ...SAVED, ...changes }));
    await user.clear(idle);
    await user.type(idle, '15');
    await user.click(save);
    expect(main.callsTo('settings.update')).toEqual([{ idleMinutes: 15, clipboardSeconds: 30, deletionWaitDays: 7 }]);
    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
  });

  it('offers a passphrase when none is set, typed twice, saying what is lost without it', async () => {
    const { main, user } = renderSettings(false);
    const section = screen.getByRole('region', { name: 'Passphrase' });
    expect(section).toHaveTextContent('anyone who can run programs as you on this computer can open the vault');
    const setButton = within(section).getByRole('button', { name: 'Set passphrase' });

    await user.type(within(section).getByLabelText('New passphrase'), 'correct horse battery');
    await user.type(within(section).getByLabelText('New passphrase again'), 'correct horse batter');
    expect(within(section).getByRole('alert')).toHaveTextContent('The two new passphrases differ.');
    expect(setButton).toBeDisabled();

    main.answer('passphrase.set', () => ({ state: 'ready', home: HOME, passphraseSet: true }));
    await user.type(within(section).getByLabelText('New passphrase again'), 'y');
    await user.click(setButton);
    expect(main.callsTo('passphrase.set')).toEqual([{ passphrase: 'correct horse battery' }]);
    expect(await screen.findByRole('button', { name: 'Change passphrase' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove passphrase' })).toBeInTheDocument();
  });

  it('shows the core’s refusal of a wrong current passphrase inside the form', async () => {
    const { main, user } = renderSettings(true);
    main.refuse('passphrase.remove', {
      code: 'WRONG_PASSPHRASE',
      message: 'The passphrase is wrong; nothing was changed. 4 more tries before each next try must wait.',
    });
    const form = screen.getByRole('button', { name: 'Remove passphrase' }).closest('form') as HTMLFormElement;
    await user.type(within(form).getByLabelText('Current passphrase'), 'not the one');
    await user.click(within(form).getByRole('button', { name: 'Remove passphrase' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('The passphrase is wrong; nothing was changed.');
    expect(main.callsTo('passphrase.remove')).toEqual([{ current: 'not the one' }]);
  });
});

describe('the first run', () => {
  it('offers the passphrase right after Create vault, and can be skipped', async () => {
    const { main, user } = renderApp(null, () => useVaultStore.setState({ status: { state: 'uninitialised', home: HOME } }));
    main.answer('vault.init', () => ({ state: 'ready', home: HOME, passphraseSet: false }));
    main.answer('workflows.list', () => []);
    await createVault();
    const dialog = await screen.findByRole('dialog', { name: 'Protect the vault with a passphrase' });
    expect(dialog).toHaveTextContent('Recommended. Without a passphrase, anyone who can run programs as you');
    await user.click(within(dialog).getByRole('button', { name: 'Skip for now' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(main.callsTo('passphrase.set')).toEqual([]);
  });
});
