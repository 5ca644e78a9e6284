/** R16 in the window: the backup passphrase typed twice, the restore confirm, and "Last backup". */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chooseRestore, openBackupDialog } from '../../renderer/src/actions/backup-actions';
import { LastBackup } from '../../renderer/src/features/settings/LastBackup';
import { useBackupStore } from '../../renderer/src/state/backup-store';
import { useVaultStore } from '../../renderer/src/state/vault-store';
import { HOME, renderApp } from './render-app';

const BACKUP = { createdAt: '2026-11-23T09:30:00.000Z', vaultId: '0123456789abcdef', workflows: 2, keys: 5 };
const PASS = 'backup passphrase';

describe('Back up vault', () => {
  it('asks for the passphrase twice, sends it to main (which asks where to save) and says what was written', async () => {
    const { main, user } = renderApp();
    main.answer('backup.create', () => ({ written: { ...BACKUP, path: '/home/officer/vault.backup' } }));
    main.answer('backup.status', () => ({ lastBackupAt: BACKUP.createdAt, changedSinceBackup: false }));
    openBackupDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Back up vault' });
    const submit = within(dialog).getByRole('button', { name: 'Choose where to save…' });
    expect(submit).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Backup passphrase'), PASS);
    await user.type(within(dialog).getByLabelText('Backup passphrase again'), `${PASS}x`);
    expect(dialog).toHaveTextContent('The two new passphrases differ.');
    expect(submit).toBeDisabled();
    await user.clear(within(dialog).getByLabelText('Backup passphrase again'));
    await user.type(within(dialog).getByLabelText('Backup passphrase again'), PASS);
    expect(submit).toBeEnabled();
    await user.click(submit);
    expect(main.callsTo('backup.create')).toEqual([{ passphrase: PASS }]);
    expect(await screen.findByText('Vault backed up')).toBeInTheDocument();
    expect(screen.getByText('/home/officer/vault.backup: 2 workflows, 5 keys.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Back up vault' })).not.toBeInTheDocument();
    expect(useBackupStore.getState().status).toEqual({ lastBackupAt: BACKUP.createdAt, changedSinceBackup: false });
  }, 15_000);

  it('refuses a passphrase the vault rules refuse before anything is sent, and shows main’s refusal in the dialog', async () => {
    const { main, user } = renderApp();
    main.refuse('backup.create', {
      code: 'PERMISSION_DENIED',
      message: '/backups/vault.backup cannot be written: permission denied.',
    });
    openBackupDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Back up vault' });
    await user.type(within(dialog).getByLabelText('Backup passphrase'), 'short');
    await user.type(within(dialog).getByLabelText('Backup passphrase again'), 'short');
    expect(dialog).toHaveTextContent('at least 8 characters');
    expect(within(dialog).getByRole('button', { name: 'Choose where to save…' })).toBeDisabled();
    await user.clear(within(dialog).getByLabelText('Backup passphrase'));
    await user.clear(within(dialog).getByLabelText('Backup passphrase again'));
    await user.type(within(dialog).getByLabelText('Backup passphrase'), PASS);
    await user.type(within(dialog).getByLabelText('Backup passphrase again'), PASS);
    await user.click(within(dialog).getByRole('button', { name: 'Choose where to save…' }));
    expect(await within(dialog).findByText(/permission denied/)).toBeInTheDocument();
  }, 15_000);
});

describe('Restore…', () => {
  it('over a vault: a dangerous confirm with what the backup holds; Replace vault sends the passphrase only', async () => {
    const { main, user } = renderApp();
    main.answer('backup.chooseRestore', () => ({ backup: BACKUP }));
    main.answer('backup.restore', () => ({
      backup: BACKUP,
      setAsideIn: `${HOME}/before-restore-2026-12-05T07-12-00Z`,
      purged: 1,
    }));
    main.answer('vault.status', () => ({ state: 'ready', home: HOME, passphraseSet: false }));
    await chooseRestore();
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace this vault with the backup?' });
    expect(dialog).toHaveTextContent('2 workflows, 5 keys');
    expect(dialog).toHaveTextContent('0123456789abcdef');
    expect(dialog).toHaveTextContent('Its files are first copied, still sealed, into a dated folder beside them.');
    const replace = within(dialog).getByRole('button', { name: 'Replace vault' });
    expect(replace).toHaveClass('button-danger');
    expect(replace).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Backup passphrase'), PASS);
    await user.click(replace);
    expect(main.callsTo('backup.restore')).toEqual([{ passphrase: PASS }]);
    expect(await screen.findByText('Vault restored')).toBeInTheDocument();
    expect(screen.getAllByText(/The vault it replaced is in .*before-restore-2026-12-05T07-12-00Z/).length).toBeGreaterThan(0);
  });

  it('into an empty vault: no danger, and a wrong passphrase is said in the dialog, which stays open', async () => {
    const { main, user } = renderApp(null, () =>
      useVaultStore.setState({ status: { state: 'uninitialised', home: HOME }, busy: false }),
    );
    main.answer('backup.chooseRestore', () => ({ backup: BACKUP }));
    main.refuse('backup.restore', {
      code: 'BACKUP_INVALID',
      message: 'This backup cannot be restored: the backup passphrase is wrong, or the file was altered. Nothing was changed.',
    });
    await chooseRestore();
    const dialog = await screen.findByRole('alertdialog', { name: 'Restore the backup?' });
    const restore = within(dialog).getByRole('button', { name: 'Restore' });
    expect(restore).not.toHaveClass('button-danger');
    await user.type(within(dialog).getByLabelText('Backup passphrase'), 'wrong passphrase{Enter}');
    expect(await within(dialog).findByText(/the backup passphrase is wrong/)).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Backup passphrase'), 'x');
    expect(within(dialog).queryByText(/the backup passphrase is wrong/)).not.toBeInTheDocument();
  });

  it('a cancelled open dialog opens nothing', async () => {
    const { main } = renderApp();
    main.answer('backup.chooseRestore', () => ({ backup: null }));
    await chooseRestore();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});

describe('Last backup', () => {
  const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();

  it('says how long ago in plain words, and nudges when keys changed since', () => {
    renderApp(<LastBackup buttonId="b" />, () =>
      useBackupStore.setState({ status: { lastBackupAt: daysAgo(12), changedSinceBackup: true } }),
    );
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Last backup: 12 days ago');
    expect(status).toHaveTextContent('Keys changed since the last backup.');
    expect(within(status).getByRole('button', { name: 'Back up now' })).toHaveClass('button-primary');
  });

  it('never backed up, and backed up today with nothing changed', async () => {
    const { user } = renderApp(<LastBackup buttonId="b" compact />, () =>
      useBackupStore.setState({ status: { lastBackupAt: null, changedSinceBackup: true } }),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Last backup: never');
    expect(screen.getByRole('status')).toHaveTextContent('This vault has never been backed up.');
    useBackupStore.setState({ status: { lastBackupAt: new Date().toISOString(), changedSinceBackup: false } });
    expect(await screen.findByText('Last backup: today')).toBeInTheDocument();
    expect(screen.getByRole('status')).not.toHaveTextContent('changed');
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(await screen.findByRole('dialog', { name: 'Back up vault' })).toBeInTheDocument();
  });
});
