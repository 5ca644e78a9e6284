/**
 * Import a pasted key, and refuse the same key again (R5); the core decides.
 * The dialog's hints and its handling of a refusal are covered by tests/components.
 */
import { fingerprintOfValue } from '../../support/key-values';
import { loadVectors } from '../../support/vectors';
import { type OpenedApp, expect, test } from './app-fixture';
import { captureScreen } from './screens';
import { addWorkflow, listKeys } from './seed';
import { dialog, keyRow, keyRows, toast } from './ui';

const WORKFLOW = 'onUserTokenGeneration';
const KEY = loadVectors()[0].keys[0];

/** A fresh app with one empty workflow, its Import key dialog open. */
async function openImportDialog(openApp: () => Promise<OpenedApp>) {
  const { page, host } = await openApp();
  await addWorkflow(host, WORKFLOW, 'Token generation');
  await page.reload();
  await page.getByRole('button', { name: 'Import key' }).click();
  return { page, host, importDialog: dialog(page, 'Import key') };
}

test('a pasted key is imported with inline hints, and the same key is refused the second time', async ({ openApp }) => {
  const { page, host, importDialog } = await openImportDialog(openApp);
  const field = importDialog.getByLabel('Key', { exact: true });
  await expect(field).toHaveAttribute('type', 'password');
  await field.fill('c2hvcnQ=');
  await expect(field).toHaveAccessibleDescription(/this is 8/);
  await captureScreen(page, 'dialog-import-key-hint');
  await importDialog.getByRole('button', { name: 'Show' }).click();
  await expect(field).toHaveAttribute('type', 'text');
  await captureScreen(page, 'dialog-import-key-shown');
  await importDialog.getByRole('button', { name: 'Hide' }).click();

  // The URL-safe spelling, as some dashboards copy it, with white space around it.
  await field.fill(`  ${Buffer.from(KEY, 'base64').toString('base64url')}\n`);
  await importDialog.getByLabel(/Label/).fill('From the dashboard');
  await importDialog.getByRole('button', { name: 'Import' }).click();
  await expect(importDialog).toBeHidden();
  await expect(toast(page, 'Key imported')).toBeVisible();

  await expect(keyRows(page)).toHaveCount(1);
  const row = keyRow(page, 'From the dashboard');
  await expect(row).toContainText('Imported');
  await expect(row.getByText('Active', { exact: true })).toBeVisible();
  await expect(row).toContainText(fingerprintOfValue(KEY).replace(/(.{4})(?=.)/g, '$1 '));

  await page.getByRole('button', { name: 'Import key' }).click();
  await importDialog.getByLabel('Key', { exact: true }).fill(KEY);
  await importDialog.getByRole('button', { name: 'Import' }).click();
  const refusal = importDialog.getByRole('alert');
  await expect(refusal).toBeVisible();
  await expect(importDialog.getByLabel('Key', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await captureScreen(page, 'dialog-import-key-duplicate');
  await importDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(importDialog).toBeHidden();

  expect(await listKeys(host, WORKFLOW)).toHaveLength(1);
});

test('Paste from clipboard imports the key main reads from the clipboard, then clears it; the page never holds it', async ({
  openApp,
}) => {
  const { page, host, importDialog } = await openImportDialog(openApp);
  await host.userCopies(KEY);
  await importDialog.getByLabel(/Label/).fill('From the clipboard');
  await captureScreen(page, 'dialog-import-key-masked');
  await importDialog.getByRole('button', { name: 'Paste from clipboard' }).click();
  await expect(importDialog).toBeHidden();
  await expect(toast(page, 'Key imported')).toBeVisible();

  await expect(keyRow(page, 'From the clipboard')).toContainText('Imported');
  expect(await page.content()).not.toContain(KEY);
  expect((await host.desktopRecord()).clipboardText).toBe('');
  expect((await listKeys(host, WORKFLOW)).map((k) => k.fingerprint)).toEqual([fingerprintOfValue(KEY)]);
});
