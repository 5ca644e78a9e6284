/**
 * R15 through the real handlers: a passphrase set in Settings, Lock from the sidebar, a window that
 * shows nothing but the lock screen while main refuses every other call, a wrong passphrase said
 * in a sentence, and Unlock with the right one. Lock, failed unlock and unlock are in the audit log.
 */
import { expect, test } from './app-fixture';
import { captureScreen } from './screens';
import { addWorkflow } from './seed';
import { sidebarWorkflow } from './ui';

const PASSPHRASE = 'correct horse battery staple';

test('Lock shows only the lock screen; Unlock asks for the passphrase set in Settings', async ({ openApp }) => {
  const { page, host } = await openApp();
  await addWorkflow(host, 'onUserTokenGeneration', 'Token generation');
  await expect(sidebarWorkflow(page, 'Token generation')).toBeVisible();

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Lock after idle minutes')).toHaveValue('5');
  await captureScreen(page, 'settings');
  const passphrase = page.getByRole('region', { name: 'Passphrase' });
  await passphrase.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
  await passphrase.getByLabel('New passphrase again').fill(PASSPHRASE);
  await passphrase.getByRole('button', { name: 'Set passphrase' }).click();
  await expect(passphrase.getByRole('button', { name: 'Change passphrase' })).toBeVisible();

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'The vault is locked', level: 1 })).toBeVisible();
  await expect(page.getByText('Token generation')).toHaveCount(0);
  await captureScreen(page, 'lock-screen');
  expect(await host.invoke('workflows.list', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });

  await page.getByLabel('Passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('The passphrase is wrong; nothing was changed.');
  await captureScreen(page, 'lock-screen-wrong-passphrase');

  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(sidebarWorkflow(page, 'Token generation')).toBeVisible();

  const audit = await host.invoke('audit.list', {});
  if (!audit.ok) throw new Error(audit.error.message);
  expect(audit.value.map((e) => e.action).slice(-4)).toEqual(['passphrase.set', 'vault.lock', 'unlock.failed', 'vault.unlock']);
});
