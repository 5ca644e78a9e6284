/**
 * R16 in the window: File → Back up vault… and File → Restore…. The native save and open dialogs
 * run in main; the page sends the passphrase, never a path.
 */
import { custody } from '../client/custody';
import { plural } from '../lib/format';
import { useVaultStore } from '../state/vault-store';
import { loadBackupStatus } from './backup-status-actions';
import { closeDialog, failDialog, openDialog, startDialogRequest } from './dialog-actions';
import { notify } from './notify';
import { applyVaultStatus, reportFailure } from './vault-actions';

export function openBackupDialog(returnFocusId: string | null = null): void {
  openDialog({ kind: 'backup', returnFocusId });
}

export async function createBackup(passphrase: string): Promise<void> {
  startDialogRequest();
  const result = await custody().backup.create({ passphrase });
  if (!result.ok) return failDialog(result.error);
  closeDialog();
  const { written } = result.value;
  if (written === null) return;
  notify.success('Vault backed up', `${written.path}: ${plural(written.workflows, 'workflow')}, ${plural(written.keys, 'key')}.`);
  await loadBackupStatus();
}

/** Main's open dialog first; the confirm then shows what the chosen backup says of itself. */
export async function chooseRestore(returnFocusId: string | null = null): Promise<void> {
  const result = await custody().backup.chooseRestore();
  if (!result.ok) return reportFailure(result.error);
  const { backup } = result.value;
  if (backup === null) return;
  openDialog({ kind: 'restore', backup, replacing: useVaultStore.getState().status.state !== 'uninitialised', returnFocusId });
}

export async function restoreBackup(passphrase: string): Promise<void> {
  startDialogRequest();
  const result = await custody().backup.restore({ passphrase });
  if (!result.ok) return failDialog(result.error);
  closeDialog();
  const { backup, setAsideIn, purged } = result.value;
  const aside = setAsideIn ? ` The vault it replaced is in ${setAsideIn}.` : '';
  const gone = purged > 0 ? ` ${plural(purged, 'key')} past ${purged === 1 ? 'its' : 'their'} deletion date deleted.` : '';
  notify.success('Vault restored', `${plural(backup.workflows, 'workflow')}, ${plural(backup.keys, 'key')}.${aside}${gone}`);
  const status = await custody().vault.status();
  if (status.ok) applyVaultStatus(status.value);
}
