/**
 * The key lifecycle through the UI, against the real handlers and keychain — first key
 * auto-active and revealed once, the update flow, deactivate, and delete with its waiting period
 * (scheduled, then cancelled). What one dialog or menu does on its own is covered by
 * tests/components.
 */
import type { CustodyApi } from '../../../shared/custody-api';
import { fingerprintOfValue } from '../../support/key-values';
import { expect, test } from './app-fixture';
import { captureScreen } from './screens';
import { addKey, addWorkflow, listKeys } from './seed';
import { dialog, keyRow, keyRows, openKeyMenu, revealedValue, sidebarWorkflow, toast } from './ui';

const WORKFLOW = 'onUserTokenGeneration';

test('the first key is active at once and its value is shown once, then never again', async ({ openApp }) => {
  const app = await openApp();
  const { page, host } = app;
  await expect(page.getByRole('heading', { name: 'Add your first workflow' })).toBeVisible();
  await captureScreen(page, 'workflows-empty');

  await page.getByRole('button', { name: 'Add workflow' }).first().click();
  const add = dialog(page, 'Add workflow');
  await add.getByLabel('Workflow ID').fill(WORKFLOW);
  await add.getByLabel(/Display name/).fill('Token generation');
  await captureScreen(page, 'dialog-add-workflow');
  await add.getByRole('button', { name: 'Add workflow' }).click();

  await expect(page.getByRole('heading', { name: 'Token generation', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No encryption keys' })).toBeVisible();
  await expect(sidebarWorkflow(page, 'Token generation')).toContainText('No active key');
  await captureScreen(page, 'workflow-no-keys');

  // No information dialog for the first key: it becomes the active key (R4).
  await page.getByRole('button', { name: 'Add encryption key' }).click();
  const reveal = dialog(page, 'Encryption key');
  await expect(reveal).toContainText('You need to copy it immediately, as it cannot be viewed again');
  await expect(reveal).toContainText('Active — this is the first key of the workflow');
  // R14: fetched by its handle; the window is kept out of screen capture while it shows.
  const value = await revealedValue(page);
  expect(value).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  expect((await host.desktopRecord()).contentProtection).toEqual([true]);
  await captureScreen(page, 'dialog-key-revealed');
  // Closing before a copy asks once more and offers to discard (tests/components/reveal-key-dialog.test.tsx).
  await reveal.getByRole('button', { name: 'Close' }).click();
  await expect(reveal.getByRole('alert')).toContainText('Close without copying the key?');
  await expect(reveal.getByRole('button', { name: 'Discard this key' })).toBeVisible();
  await expect(reveal.getByRole('button', { name: 'I have copied it' })).toBeVisible();
  await captureScreen(page, 'dialog-key-close-without-copy');
  await reveal.getByRole('button', { name: 'Go back' }).click();

  // Copy sends the handle; main writes the value, concealed, and says when it clears.
  await reveal.getByRole('button', { name: 'Copy' }).click();
  await expect(reveal.getByRole('button', { name: 'Copied' })).toBeVisible();
  await expect(reveal.getByRole('status')).toHaveText('Copied — clears in 30 s.');
  expect(await host.clipboard()).toEqual([value]);
  await expect(toast(page, 'Key copied to the clipboard')).toBeVisible();
  await captureScreen(page, 'dialog-key-copied');
  await reveal.getByRole('button', { name: 'Close' }).click();
  await expect(reveal).toBeHidden();
  expect((await host.desktopRecord()).contentProtection).toEqual([true, false]);

  const [stored] = await listKeys(host, WORKFLOW);
  expect(stored).toMatchObject({ status: 'active', fingerprint: fingerprintOfValue(value) });
  await expect(keyRows(page)).toHaveCount(1);
  await expect(keyRows(page).first().getByText('Active', { exact: true })).toBeVisible();
  await expect(sidebarWorkflow(page, 'Token generation')).not.toContainText('No active key');

  // Gone from the page, and no menu item can show it again.
  expect(await page.content()).not.toContain(value);
  const menu = await openKeyMenu(page, `Key ${fingerprintOfValue(value).replace(/(.{4})(?=.)/g, '$1 ')}`);
  await expect(menu.getByRole('menuitem')).toHaveText([/Deactivate/, /Delete key/]);
  await page.keyboard.press('Escape');
  expect(await page.content()).not.toContain(value);
});

test('a just-made active key can be discarded while its reveal is open, audited as discarded before use (R4)', async ({
  openApp,
}) => {
  const { page, host } = await openApp();
  await addWorkflow(host, WORKFLOW, 'Token generation');
  await page.reload();
  await page.getByRole('button', { name: 'Add encryption key' }).click();
  const reveal = dialog(page, 'Encryption key');
  await expect(reveal).toContainText('Active — this is the first key of the workflow');
  const value = await revealedValue(page);

  await reveal.getByRole('button', { name: 'Close' }).click();
  await reveal.getByRole('button', { name: 'Discard this key' }).click();
  await expect(reveal).toBeHidden();
  await expect(toast(page, 'Key discarded')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No encryption keys' })).toBeVisible();
  await expect(sidebarWorkflow(page, 'Token generation')).toContainText('No active key');
  expect(await listKeys(host, WORKFLOW)).toEqual([]);
  expect(await host.clipboard()).toEqual([]);
  expect(await page.content()).not.toContain(value);

  const audit = await host.invoke('audit.list', {});
  expect(audit.ok && audit.value.at(-1)).toMatchObject({ action: 'key.discard', fingerprint: fingerprintOfValue(value) });
});

test('a reveal handle dies when the page reloads (REVEAL_EXPIRED), and the window is no longer protected', async ({
  openApp,
}) => {
  const { page, host } = await openApp();
  await addWorkflow(host, WORKFLOW, 'Token generation');
  const { handle } = await addKey(host, WORKFLOW, 'Production 2026');
  await page.reload();
  const answer = await host.invoke('reveal.value', { handle });
  expect(answer.ok ? 'alive' : answer.error.code).toBe('REVEAL_EXPIRED');
  expect((await host.invoke('reveal.copy', { handle })).ok).toBe(false);
  expect((await host.desktopRecord()).contentProtection).toEqual([true, false]);
  expect(await host.clipboard()).toEqual([]);
});

test('update flow: a second key is added inactive, then activated, and the badges swap', async ({ openApp }) => {
  const app = await openApp();
  const { page, host } = app;
  await addWorkflow(host, WORKFLOW, 'Token generation');
  await addKey(host, WORKFLOW, 'Production 2026');
  await page.reload();
  await expect(keyRow(page, 'Production 2026').getByText('Active', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Add encryption key' }).click();
  const info = dialog(page, 'Add encryption key');
  await expect(info).toContainText('The new key is added as inactive. It stays inactive until you activate it');
  await info.getByLabel(/Label/).fill('Next rotation');
  await captureScreen(page, 'dialog-add-key-information');
  await info.getByRole('button', { name: 'Add', exact: true }).click();

  const reveal = dialog(page, 'Encryption key');
  await expect(reveal).toContainText('Inactive until you activate it');
  await reveal.getByRole('button', { name: 'Copy' }).click();
  await expect(reveal.getByRole('button', { name: 'Copied' })).toBeVisible();
  await reveal.getByRole('button', { name: 'Close' }).click();
  await expect(reveal).toBeHidden();

  await expect(keyRows(page)).toHaveCount(2);
  await expect(keyRow(page, 'Next rotation').getByText('Active', { exact: true })).toHaveCount(0);
  await expect(keyRow(page, 'Production 2026').getByText('Active', { exact: true })).toBeVisible();

  const menu = await openKeyMenu(page, 'Next rotation');
  await captureScreen(page, 'key-menu-inactive-key');
  await menu.getByRole('menuitem', { name: 'Activate', exact: true }).click();
  const confirm = dialog(page, 'Activate encryption key');
  await expect(confirm).toContainText('“Next rotation” becomes the active key of Token generation');
  await expect(confirm).toContainText('The current active key, “Production 2026”, becomes inactive');
  await captureScreen(page, 'dialog-confirm-activate');
  await confirm.getByRole('button', { name: 'Activate encryption key' }).click();
  await expect(confirm).toBeHidden();

  await expect(keyRow(page, 'Next rotation').getByText('Active', { exact: true })).toBeVisible();
  await expect(keyRow(page, 'Production 2026').getByText('Active', { exact: true })).toHaveCount(0);
  await expect(toast(page, 'Add the new key value to your code')).toBeVisible();
  await captureScreen(page, 'workflow-keys-after-activate');
  const keys = await listKeys(host, WORKFLOW);
  expect(keys.map((k) => [k.label, k.status])).toEqual([
    ['Next rotation', 'active'],
    ['Production 2026', 'inactive'],
  ]);
});

test('deactivating the active key flags the workflow "No active key"', async ({ openApp }) => {
  const app = await openApp();
  const { page, host } = app;
  await addWorkflow(host, WORKFLOW, 'Token generation');
  await addKey(host, WORKFLOW, 'Production 2026');
  await page.reload();

  const menu = await openKeyMenu(page, 'Production 2026');
  await menu.getByRole('menuitem', { name: 'Deactivate', exact: true }).click();
  const confirm = dialog(page, 'Deactivate encryption key');
  await expect(confirm).toContainText('“Production 2026” becomes inactive. Token generation will have no active key');
  await captureScreen(page, 'dialog-confirm-deactivate');
  await confirm.getByRole('button', { name: 'Deactivate encryption key' }).click();
  await expect(confirm).toBeHidden();

  await expect(keyRow(page, 'Production 2026').getByText('Active', { exact: true })).toHaveCount(0);
  await expect(sidebarWorkflow(page, 'Token generation')).toContainText('No active key');
  await expect(page.locator('.page-subtitle')).toContainText('No active key');
  await captureScreen(page, 'workflow-no-active-key');
});

test('the core refuses to delete the active key; an inactive key is scheduled for deletion and can be cancelled (R13)', async ({
  openApp,
}) => {
  const app = await openApp();
  const { page, host } = app;
  await addWorkflow(host, WORKFLOW, 'Token generation');
  const active = await addKey(host, WORKFLOW, 'Production 2026');
  await addKey(host, WORKFLOW, 'Retired 2025');
  await page.reload();

  // The menu marks Delete unavailable on the active key (tests/components/key-table.test.tsx).
  await expect(await openKeyMenu(page, 'Production 2026')).toBeVisible();
  await captureScreen(page, 'key-menu-active-key');
  await page.keyboard.press('Escape');

  // R8/R9: the rule lives in the core, whatever the page sends.
  const refused = await page.evaluate((request) => (window as unknown as { custody: CustodyApi }).custody.keys.delete(request), {
    workflowId: WORKFLOW,
    keyId: active.key.id,
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'ACTIVE_KEY_DELETE_REFUSED' } });

  const menu = await openKeyMenu(page, 'Retired 2025');
  await menu.getByRole('menuitem', { name: 'Delete key' }).click();
  const confirm = dialog(page, 'Delete encryption key');
  await expect(confirm).toContainText('The key will be deleted on');
  await expect(confirm).toContainText('you can cancel until then');
  await captureScreen(page, 'dialog-confirm-delete');
  await confirm.getByRole('button', { name: 'Delete encryption key' }).click();
  await expect(confirm).toBeHidden();

  // R13: the key stays, marked with its date, until the waiting period (7 days by default) is over.
  const retired = keyRow(page, 'Retired 2025');
  await expect(retired).toContainText(/Deletion scheduled\s*for /);
  await expect(toast(page, 'Deletion scheduled')).toBeVisible();
  await captureScreen(page, 'workflow-key-deletion-scheduled');
  const scheduled = (await listKeys(host, WORKFLOW)).find((k) => k.label === 'Retired 2025');
  expect(Date.parse(scheduled?.deletionScheduledFor ?? '')).toBeGreaterThan(Date.now() + 6 * 24 * 60 * 60 * 1000);

  const leaving = await openKeyMenu(page, 'Retired 2025');
  await expect(leaving.getByRole('menuitem', { name: 'Activate' })).toHaveAttribute('aria-disabled', 'true');
  await captureScreen(page, 'key-menu-scheduled-key');
  await leaving.getByRole('menuitem', { name: 'Cancel deletion' }).click();
  await expect(toast(page, 'Deletion cancelled')).toBeVisible();
  await expect(retired).not.toContainText('Deletion scheduled');
  expect((await listKeys(host, WORKFLOW)).map((k) => [k.label, k.deletionScheduledFor])).toEqual([
    ['Production 2026', null],
    ['Retired 2025', null],
  ]);
});
