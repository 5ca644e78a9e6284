/**
 * Issue 24's polish through the real handlers, one app for all of it: the three confirm buttons in
 * the dashboard's words, the activation toast and where toasts sit, danger and disabled buttons
 * readable and distinct in both themes, and Keyboard shortcuts from the page's keys.
 */
import { expect, test } from './app-fixture';
import { expectReadableInBothSchemes } from './contrast';
import { captureScreen } from './screens';
import { addKey, addWorkflow } from './seed';
import { dialog, keyRow, openKeyMenu, toast } from './ui';

const WORKFLOW = 'onUserTokenGeneration';

test('plain words and polish: confirms, the activation toast, contrast and keyboard shortcuts', async ({ openApp }) => {
  // Two photographs and eight contrast readings in one app: more than the default minute on a loaded machine.
  test.setTimeout(120_000);
  const { page, host } = await openApp();
  await addWorkflow(host, WORKFLOW, 'Token generation');
  await addKey(host, WORKFLOW, 'Production 2026');
  await addKey(host, WORKFLOW, 'Next rotation');
  await page.reload();
  await expect(keyRow(page, 'Next rotation')).toBeVisible();

  // The dashboard's wording on the button; the danger button keeps AA text in dark too.
  await (await openKeyMenu(page, 'Next rotation')).getByRole('menuitem', { name: 'Delete key' }).click();
  const remove = dialog(page, 'Delete encryption key');
  const deleteButton = remove.getByRole('button', { name: 'Delete encryption key' });
  await expectReadableInBothSchemes(page, deleteButton, 'Delete encryption key');
  await remove.getByRole('button', { name: 'Cancel' }).click();

  await (await openKeyMenu(page, 'Next rotation')).getByRole('menuitem', { name: 'Activate', exact: true }).click();
  await dialog(page, 'Activate encryption key').getByRole('button', { name: 'Activate encryption key' }).click();
  // The dashboard's next step, as a toast in the corner that leaves the main area uncovered.
  const step = toast(page, 'Add the new key value to your code');
  await expect(step).toBeVisible();
  const main = await page.locator('main').boundingBox();
  const stack = await page.locator('.toast').first().boundingBox();
  expect(main && stack && main.y + main.height <= stack.y + 0.5, 'the main area ends above the toasts').toBe(true);
  await captureScreen(page, 'toast-after-activate');
  // It goes by itself after a few seconds (Dismiss is covered by tests/components/toasts.test.tsx).
  await expect(step).toBeHidden();
  await expect.poll(async () => (await page.locator('main').boundingBox())?.height).toBe(page.viewportSize()?.height);

  // Disabled looks disabled (not a faded copy of enabled) and its text is still AA.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const save = page.getByRole('button', { name: 'Save settings' });
  await expect(save).toBeDisabled();
  const disabled = await expectReadableInBothSchemes(page, save, 'disabled Save settings');
  await page.getByLabel('Lock after idle minutes').fill('7');
  await expect(save).toBeEnabled();
  const enabled = await expectReadableInBothSchemes(page, save, 'enabled Save settings');
  for (const [i, scheme] of ['light', 'dark'].entries()) {
    expect(disabled[i]?.background, `disabled and enabled differ (${scheme})`).not.toBe(enabled[i]?.background);
  }

  // Keyboard shortcuts: Ctrl+/ and "?" in the page (the Help menu's item is in menu-and-workflows.spec.ts).
  await page.getByRole('heading', { name: 'Settings', level: 1 }).click();
  await page.keyboard.press('Control+/');
  const shortcuts = dialog(page, 'Keyboard shortcuts');
  await expect(shortcuts).toBeVisible();
  await expect(shortcuts.getByRole('row', { name: /Lock Ctrl\+L/ })).toBeVisible();
  await expect(shortcuts.getByRole('row', { name: /Audit log Ctrl\+Shift\+A/ })).toBeVisible();
  await captureScreen(page, 'dialog-keyboard-shortcuts');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  await page.keyboard.press('?');
  await expect(shortcuts).toBeVisible();
  await page.keyboard.press('Escape');
});
