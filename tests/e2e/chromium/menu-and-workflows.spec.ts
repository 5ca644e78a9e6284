/**
 * Native menu commands open the matching dialog or screen; workflows are edited and removed (R1)
 * from the UI. The sidebar's search is covered by tests/components/workflow-list.test.tsx.
 */
import type { Page } from '@playwright/test';
import { version } from '../../../package.json';
import type { EventPayloadOf } from '../../../shared/contract';
import { expect, test } from './app-fixture';
import { captureScreen } from './screens';
import { addKey, addWorkflow } from './seed';
import { dialog, sidebarWorkflow, toast } from './ui';

/** What main does when a menu item is chosen: push menu.command to the page (through the bridge). */
function chooseMenuItem(page: Page, command: EventPayloadOf<'menu.command'>['command']): Promise<void> {
  return page.evaluate((c) => {
    const emit = (window as unknown as { __custodyBridgeEmit: (name: string, payload: unknown) => void }).__custodyBridgeEmit;
    emit('menu.command', { command: c });
  }, command);
}

test('each menu command opens its dialog or screen', async ({ openApp }) => {
  const app = await openApp();
  const { page, host } = app;
  await addWorkflow(host, 'onUserTokenGeneration', 'Token generation');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Token generation', level: 1 })).toBeVisible();

  await chooseMenuItem(page, 'add-workflow');
  await expect(dialog(page, 'Add workflow')).toBeVisible();
  await page.keyboard.press('Escape');

  await chooseMenuItem(page, 'import-key');
  await expect(dialog(page, 'Import key')).toContainText('Token generation');
  await page.keyboard.press('Escape');

  await chooseMenuItem(page, 'about');
  const about = dialog(page, 'About Workflow Key Custody');
  await expect(about).toContainText(host.home);
  await expect(about).toContainText(version);
  // The bridge's main is plain Node: About says so rather than invent an Electron version.
  await expect(about).toContainText('Not running in Electron');
  await expect(about).toContainText(process.versions.node);
  await expect(about).toContainText(`Chromium${page.context().browser()?.version().split('.')[0] ?? 'none'}.`);
  await captureScreen(page, 'dialog-about');
  await page.keyboard.press('Escape');

  await chooseMenuItem(page, 'shortcuts');
  await expect(dialog(page, 'Keyboard shortcuts').getByRole('row', { name: /Import key… Ctrl\+I/ })).toBeVisible();
  await page.keyboard.press('Escape');

  await chooseMenuItem(page, 'decrypt');
  await expect(page.getByRole('heading', { name: 'Decrypt', level: 1 })).toBeVisible();

  await chooseMenuItem(page, 'audit');
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expect(page.getByText('Chain verified')).toBeVisible();
});

test('a workflow is edited, and removed only once it has no active key', async ({ openApp }) => {
  const app = await openApp();
  const { page, host } = app;
  await addWorkflow(host, 'onUserTokenGeneration', 'Token generation');
  await addWorkflow(host, 'onPostAuthentication', 'Post authentication');
  const key = await addKey(host, 'onPostAuthentication', 'Only key');
  await page.reload();

  await sidebarWorkflow(page, 'Post authentication').click();
  await page.getByRole('button', { name: 'More actions for workflow Post authentication' }).click();
  await page.getByRole('menuitem', { name: 'Edit workflow' }).click();
  const edit = dialog(page, 'Edit workflow');
  await edit.getByLabel('Rotation period (days)').fill('30');
  await edit.getByLabel(/Notes/).fill('Deployed in the post-authentication workflow of the production business.');
  await captureScreen(page, 'dialog-edit-workflow');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('Rotate every 30 days')).toBeVisible();
  await expect(page.getByText('Deployed in the post-authentication workflow')).toBeVisible();

  await page.getByRole('button', { name: 'More actions for workflow Post authentication' }).click();
  await page.getByRole('menuitem', { name: 'Remove workflow' }).click();
  const remove = dialog(page, 'Remove workflow');
  await expect(remove).toContainText('cannot be removed while it has an active key');
  await expect(remove.getByRole('button', { name: 'Remove workflow' })).toBeDisabled();
  await captureScreen(page, 'dialog-remove-workflow-refused');
  await remove.getByRole('button', { name: 'Cancel' }).click();

  await host.invoke('keys.deactivate', { workflowId: 'onPostAuthentication', keyId: key.key.id });
  await page.getByRole('button', { name: 'More actions for workflow Post authentication' }).click();
  await page.getByRole('menuitem', { name: 'Remove workflow' }).click();
  await expect(remove).toContainText('is removed from the vault with its 1 inactive key');
  await captureScreen(page, 'dialog-remove-workflow');
  await remove.getByRole('button', { name: 'Remove workflow' }).click();
  await expect(remove).toBeHidden();
  await expect(toast(page, 'Workflow removed')).toBeVisible();
  await expect(sidebarWorkflow(page, 'Post authentication')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Token generation', level: 1 })).toBeVisible();
});
