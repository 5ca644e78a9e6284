/**
 * Every action is reachable by keyboard (add → activate with the keyboard only),
 * dialogs trap focus and give it back to what opened them. The workflow list's own keys are
 * covered by tests/components/workflow-list.test.tsx.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './app-fixture';
import { addKey, addWorkflow, listKeys } from './seed';
import { dialog, keyRow, openKeyMenu } from './ui';

const WORKFLOW = 'onUserTokenGeneration';

/** The focused element's accessible name (what a screen reader announces). */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const labelled = el.getAttribute('aria-label');
    if (labelled) return labelled;
    const byId = el.getAttribute('aria-labelledby');
    if (byId)
      return byId
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    return (el.textContent ?? '').trim();
  });
}

/** Presses Tab until the named control has focus, as a keyboard user would. */
async function tabTo(page: Page, name: string | RegExp, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`"${name}" was not reached with ${maxPresses} presses of Tab`);
}

test('keyboard only: add a second key, copy it, close, then activate it from its menu', async ({ openApp }) => {
  const app = await openApp();
  const { page, host } = app;
  await addWorkflow(host, WORKFLOW, 'Token generation');
  await addKey(host, WORKFLOW, 'Production 2026');
  await page.reload();
  await expect(keyRow(page, 'Production 2026')).toBeVisible();

  await tabTo(page, 'Add encryption key');
  await page.keyboard.press('Enter');
  const info = dialog(page, 'Add encryption key');
  await expect(info).toBeVisible();
  await expect(info.getByLabel(/Label/)).toBeFocused();
  await page.keyboard.type('Keyboard key');
  await page.keyboard.press('Enter');

  const reveal = dialog(page, 'Encryption key');
  await expect(reveal).toBeVisible();
  await tabTo(page, 'Copy');
  await page.keyboard.press('Enter');
  await expect(reveal.getByRole('button', { name: 'Copied' })).toBeVisible();
  await tabTo(page, 'Close');
  await page.keyboard.press('Enter');
  await expect(reveal).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add encryption key' })).toBeFocused();

  await tabTo(page, 'Actions for Keyboard key');
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Actions for Keyboard key' });
  await expect(menu.getByRole('menuitem', { name: 'Activate', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');

  const confirm = dialog(page, 'Activate encryption key');
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await tabTo(page, 'Activate encryption key');
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('button', { name: 'Actions for Keyboard key' })).toBeFocused();

  await expect(keyRow(page, 'Keyboard key').getByText('Active', { exact: true })).toBeVisible();
  expect((await listKeys(host, WORKFLOW)).find((k) => k.label === 'Keyboard key')?.status).toBe('active');
});

test('a dialog keeps focus inside while open and gives it back to its opener when closed', async ({ openApp }) => {
  const app = await openApp();
  const { page, host } = app;
  await addWorkflow(host, WORKFLOW, 'Token generation');
  await addKey(host, WORKFLOW, 'Production 2026');
  await page.reload();

  const opener = page.getByRole('button', { name: 'Add workflow' });
  await opener.click();
  const add = dialog(page, 'Add workflow');
  await expect(add.getByLabel('Workflow ID')).toBeFocused();
  for (const key of [...Array(12).fill('Tab'), ...Array(12).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    expect(await add.evaluate((node) => node.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(add).toBeHidden();
  await expect(opener).toBeFocused();

  // Opened from a menu: focus goes back to the menu's button, not to the vanished menu item.
  const menu = await openKeyMenu(page, 'Production 2026');
  await menu.getByRole('menuitem', { name: 'Deactivate', exact: true }).click();
  await expect(dialog(page, 'Deactivate encryption key')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Actions for Production 2026' })).toBeFocused();
});
