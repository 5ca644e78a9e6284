/**
 * The loading states a person sees while main answers, photographed. The
 * page's calls are held (in the page, before they reach the bridge) and let through one channel
 * at a time; the answers are still the real handlers' answers.
 */
import type { Page } from '@playwright/test';
import type { ChannelName } from '../../../shared/contract';
import { loadVectors } from '../../support/vectors';
import { type OpenedApp, expect, test } from './app-fixture';
import { captureScreen } from './screens';
import { addKey, addWorkflow } from './seed';

type GateWindow = Window & {
  __custodyBridgeInvoke: (channel: ChannelName, request: unknown) => Promise<unknown>;
  __custodyGate: { open: (channel: ChannelName) => void };
};

/**
 * Every channel but vault.status starts closed: its calls wait until the test opens it. (The
 * vault's status also arrives as an event on load, which cannot be held, so "Opening the vault…"
 * only shows for an instant and is not photographed.)
 */
async function holdCalls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as GateWindow;
    const invoke = w.__custodyBridgeInvoke;
    const open = new Set<ChannelName>(['vault.status']);
    const waiting: Array<{ channel: ChannelName; go: () => void }> = [];
    w.__custodyBridgeInvoke = (channel, request) =>
      open.has(channel)
        ? invoke(channel, request)
        : new Promise((resolve) => waiting.push({ channel, go: () => resolve(invoke(channel, request)) }));
    w.__custodyGate = {
      open: (channel) => {
        open.add(channel);
        for (const call of waiting.filter((c) => c.channel === channel)) {
          waiting.splice(waiting.indexOf(call), 1);
          call.go();
        }
      },
    };
  });
}

function openGate(page: Page, channel: ChannelName): Promise<void> {
  return page.evaluate((c) => (window as unknown as GateWindow).__custodyGate.open(c), channel);
}

/** A workflow with a key, then the page loaded again with every call held. */
async function openHeld(openApp: () => Promise<OpenedApp>): Promise<Page> {
  const { page, host } = await openApp();
  await addWorkflow(host, 'onUserTokenGeneration', 'Token generation');
  await addKey(host, 'onUserTokenGeneration', 'Production 2026');
  await holdCalls(page);
  await page.reload();
  return page;
}

// Two photographs a test (each with its axe runs and a full-page screenshot under swiftshader): two minutes
// leave room for a loaded two-core machine.
test.describe.configure({ timeout: 120_000 });
test('loading states: workflows and keys', async ({ openApp }) => {
  const page = await openHeld(openApp);
  await expect(page.getByRole('status').filter({ hasText: 'Loading workflows…' }).first()).toBeVisible();
  await captureScreen(page, 'loading-workflows');
  await openGate(page, 'workflows.list');

  await expect(page.getByRole('status').filter({ hasText: 'Loading encryption keys…' })).toBeVisible();
  await captureScreen(page, 'loading-keys');
  await openGate(page, 'keys.list');
  await expect(page.getByRole('table', { name: 'Encryption keys of Token generation' })).toBeVisible();
});

test('loading states: the audit log and a decrypt', async ({ openApp }) => {
  const page = await openHeld(openApp);
  await openGate(page, 'workflows.list');
  await openGate(page, 'keys.list');
  await expect(page.getByRole('table', { name: 'Encryption keys of Token generation' })).toBeVisible();

  await page.getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reading and verifying the audit log…' })).toBeVisible();
  await captureScreen(page, 'loading-audit-log');
  await openGate(page, 'audit.list');
  await openGate(page, 'audit.verify');
  await expect(page.getByText('Chain verified')).toBeVisible();

  await page.getByRole('button', { name: 'Decrypt' }).first().click();
  await page.getByLabel('Captured payload').fill(loadVectors()[0].payload);
  await page.getByRole('button', { name: 'Decrypt', exact: true }).last().click();
  await expect(page.getByRole('status').filter({ hasText: 'Decrypting…' })).toBeVisible();
  await captureScreen(page, 'loading-decrypt');
  await openGate(page, 'payloads.decrypt');
  await expect(page.getByRole('article')).toContainText('No matching key');
});
