/**
 * R16 in the window, through the bridge (real handlers, real keychain): File → Back up vault… with
 * the passphrase typed twice, "Last backup" and its nudge, and File → Restore… with its dangerous
 * confirm. The native save and open dialogs are answered by the bridge's desktop port.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { EventPayloadOf } from '../../../shared/contract';
import { expect, test } from './app-fixture';
import { captureScreen } from './screens';
import { addKey, addWorkflow } from './seed';
import { dialog, keyRows, sidebarWorkflow, toast } from './ui';

const WORKFLOW = 'onUserTokenGeneration';
const PASS = 'backup passphrase for e2e';

/** What main does when a menu item is chosen: push menu.command to the page. */
function chooseMenuItem(page: Page, command: EventPayloadOf<'menu.command'>['command']): Promise<void> {
  return page.evaluate((c) => {
    const emit = (window as unknown as { __custodyBridgeEmit: (name: string, payload: unknown) => void }).__custodyBridgeEmit;
    emit('menu.command', { command: c });
  }, command);
}

test('backs up from the menu, shows the last backup and its nudge, and restores over the vault after a dangerous confirm', async ({
  openApp,
}) => {
  // Real scrypt (the design's cost) for each backup and restore try, and six photographs with axe.
  test.setTimeout(360_000);
  const { page, host } = await openApp();
  await addWorkflow(host, WORKFLOW, 'Token generation');
  await addKey(host, WORKFLOW, 'Production 2026');
  const backupPath = path.join(host.home, '..', 'e2e-vault.backup');
  await host.setExportPath(backupPath);
  await page.reload();

  const sidebarBackup = page.getByRole('complementary', { name: 'Workflows' }).getByRole('status', { name: 'Last backup' });
  await expect(sidebarBackup).toContainText('Last backup: never');
  await expect(sidebarBackup).toContainText('This vault has never been backed up.');

  await chooseMenuItem(page, 'backup');
  const backup = dialog(page, 'Back up vault');
  await expect(backup).toBeVisible();
  await backup.getByLabel('Backup passphrase', { exact: true }).fill(PASS);
  await backup.getByLabel('Backup passphrase again').fill(PASS);
  await captureScreen(page, 'dialog-backup');
  await backup.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(toast(page, 'Vault backed up')).toBeVisible();
  await expect(sidebarBackup).toContainText('Last backup: today');
  await expect(sidebarBackup).not.toContainText('changed');

  // A key added since (here by another process): the nudge appears.
  await addKey(host, WORKFLOW, 'Next rotation');
  await page.reload();
  await expect(sidebarBackup).toContainText('Keys changed since the last backup.');
  await captureScreen(page, 'last-backup-nudge', sidebarBackup);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settingsBackup = page.getByRole('region', { name: 'Backup' });
  await expect(settingsBackup.getByRole('status', { name: 'Last backup' })).toContainText('Last backup: today');
  await captureScreen(page, 'settings-last-backup', settingsBackup);

  await host.setCaptureFiles([backupPath]);
  await chooseMenuItem(page, 'restore');
  const restore = dialog(page, 'Replace this vault with the backup?');
  await expect(restore).toContainText('1 workflow, 1 key');
  await expect(restore.getByRole('button', { name: 'Replace vault' })).toBeDisabled();
  await restore.getByLabel('Backup passphrase').fill('not the passphrase');
  await restore.getByRole('button', { name: 'Replace vault' }).click();
  await expect(restore).toContainText('the backup passphrase is wrong');
  await restore.getByLabel('Backup passphrase').fill(PASS);
  await captureScreen(page, 'dialog-restore-confirm');
  await restore.getByRole('button', { name: 'Replace vault' }).click();
  await expect(toast(page, 'Vault restored')).toBeVisible();
  await sidebarWorkflow(page, 'Token generation').click();
  await expect(keyRows(page)).toHaveCount(1);
  const audit = await host.invoke('audit.verify', {});
  expect(audit).toMatchObject({ ok: true, value: { ok: true } });
});
