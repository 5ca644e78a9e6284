/** The audit log lists what happened, says whether its chain holds, and exports. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadVectors } from '../../support/vectors';
import { expect, test } from './app-fixture';
import { captureScreen } from './screens';
import { addKey, addWorkflow } from './seed';
import { toast } from './ui';

const WORKFLOW = 'onUserTokenGeneration';

test('the audit log lists every change, copy and decrypt, verifies its chain and exports it', async ({ openApp }) => {
  // Two photographs, each checked by axe in both themes: room for a loaded two-core machine.
  test.slow();
  const app = await openApp();
  const { page, host } = app;
  const vector = loadVectors()[0];
  await addWorkflow(host, WORKFLOW, 'Token generation');
  const first = await addKey(host, WORKFLOW, 'Production 2026');
  await host.invoke('reveal.copy', { handle: first.handle });
  await host.invoke('keys.import', { workflowId: WORKFLOW, value: vector.keys[0], label: 'Dashboard key' });
  const second = await addKey(host, WORKFLOW, 'Next rotation');
  await host.invoke('keys.activate', { workflowId: WORKFLOW, keyId: second.key.id });
  await host.invoke('payloads.decrypt', { payloads: [{ source: 'capture', text: vector.payload }], scope: { mode: 'any' } });
  const exportPath = path.join(host.home, 'exported-audit.jsonl');
  await host.setExportPath(exportPath);
  await page.reload();

  await page.getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeFocused();
  await expect(page.getByText('Chain verified')).toBeVisible();
  await expect(page.getByText('All 8 entries are intact and in order.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit log entries, newest first' });
  await expect(table.getByRole('row')).toHaveCount(9);
  await expect(table.getByRole('cell')).toContainText([
    'Payloads decrypted',
    'Key activated',
    'Key added',
    'Key imported',
    'Key copied',
    'Key added',
    'Workflow added',
    'Vault created',
  ]);
  await expect(table.getByRole('row').nth(1)).toContainText('items: 1, decrypted: 1');
  // Local time with its zone, so an entry read from elsewhere is not an hour off.
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC[+-]\d\d:\d\d$/,
  );
  await captureScreen(page, 'audit-log');

  // Filters: by action; the count says how many are left.
  await page.getByRole('combobox', { name: 'Action' }).selectOption('Key added');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'of 8 entries' })).toHaveText('2 of 8 entries');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(table.getByRole('row')).toHaveCount(9);

  await page.getByRole('button', { name: 'Export' }).click();
  await expect(toast(page, 'Audit log exported')).toBeVisible();
  const exported = readFileSync(exportPath, 'utf8').trim().split('\n');
  expect(exported).toHaveLength(8);
  for (const line of exported) {
    expect(line).not.toContain(first.value);
    expect(line).not.toContain(second.value);
  }
  // The export itself is on record, with where it went and how many entries it held.
  await expect(table.getByRole('row').nth(1)).toContainText('Audit log exported');
  await expect(table.getByRole('row').nth(1)).toContainText(`path: ${exportPath}, entries: 8`);

  // Edit one entry behind the app's back: the chain no longer verifies, and the screen says so.
  const log = path.join(host.home, 'audit.jsonl');
  writeFileSync(log, readFileSync(log, 'utf8').replace('"Dashboard key"', '"Edited label"').replace('"key.copy"', '"key.add"'));
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText('Chain not verified')).toBeVisible();
  await expect(page.getByText('First bad entry: #4.')).toBeVisible();
  // The entry where the chain breaks is marked, with what that means.
  const broken = table.locator('.audit-row-broken');
  await expect(broken).toHaveCount(1);
  await expect(broken.getByRole('cell').first()).toHaveText('4');
  await expect(broken).toContainText(
    'The chain breaks here: this entry or one before it was changed outside Workflow Key Custody, or entries were removed.',
  );
  // Filtered to the workflow, the marked entry is still listed: one photograph for both states.
  await page.getByRole('combobox', { name: 'Workflow' }).selectOption(WORKFLOW);
  await expect(table.getByRole('row')).toHaveCount(7);
  await captureScreen(page, 'audit-log-chain-broken-filtered', broken);
  // "Show the entry" clears the filters and brings the marked entry into view.
  await page.getByRole('combobox', { name: 'Action' }).selectOption('Vault created');
  await expect(broken).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the entry' }).click();
  await expect(broken).toBeInViewport();
});
