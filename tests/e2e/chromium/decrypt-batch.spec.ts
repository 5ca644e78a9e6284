/**
 * Decrypt batches in the app: a HAR recording, a folder, NDJSON lines and dropped files, each
 * file recognised by its content, decrypt as batches in main (off the window's thread) with
 * progress by bytes, per-item results (identical errors grouped) and errors, cancel and export
 * (with plaintext only after its own question); "Simulate secureFetch", a screen of its own,
 * seals a body that then decrypts on Decrypt, and shows receiver snippets with a placeholder,
 * never a key.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { BridgeHost } from '../../support/custody-bridge';
import { itemAt } from '../../support/item-at';
import { spellingsOf } from '../../support/key-values';
import { expect, test } from './app-fixture';
import { captureScreen } from './screens';
import { addKey, addWorkflow } from './seed';
import { keyRow, sidebarWorkflow, toast } from './ui';

const WORKFLOW = 'onUserTokenGeneration';

let scratch: string;
test.beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'custody-batch-e2e-'));
});
test.afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function seal(host: BridgeHost, plaintext: string, workflowId = WORKFLOW): Promise<string> {
  await host.invoke('payloads.confirmSimulate', {});
  const sealed = await host.invoke('payloads.encrypt', { workflowId, plaintext });
  if (!sealed.ok) throw new Error(`set-up failed: ${sealed.error.code}`);
  return sealed.value.payload;
}

/** What secureFetch would send, under a key that is not in the vault. */
function sealWithStranger(key: Buffer, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

interface HarRequest {
  method: 'GET' | 'POST';
  url: string;
  time: string;
  body?: string;
}

function writeHar(name: string, requests: HarRequest[]): string {
  const entries = requests.map(({ method, url, time, body }) => ({
    startedDateTime: time,
    time: 42,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'content-type', value: 'text/plain' }],
      ...(body === undefined ? {} : { postData: { mimeType: 'text/plain', text: body } }),
    },
    response: { status: 200, statusText: 'OK', headers: [], content: { size: 0, mimeType: 'text/plain' } },
  }));
  const file = path.join(scratch, name);
  writeFileSync(file, JSON.stringify({ log: { version: '1.2', creator: { name: 'e2e', version: '1' }, entries } }));
  return file;
}

async function openDecryptScreen(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Tools' }).getByRole('button', { name: 'Decrypt' }).click();
  await expect(page.getByRole('heading', { name: 'Decrypt', level: 1 })).toBeFocused();
}

function resultRows(page: Page) {
  return page.getByRole('listbox', { name: /^Results/ }).getByRole('option');
}

function batchStatus(page: Page) {
  return page.locator('.batch-outcome');
}

/** One workflow with one key, a payload sealed with it, and the page opened on Decrypt. */
async function payloadOnDecryptScreen(page: Page, host: BridgeHost, plaintext: string): Promise<string> {
  await addWorkflow(host, WORKFLOW, 'Token generation');
  await addKey(host, WORKFLOW, 'Dashboard key');
  const payload = await seal(host, plaintext);
  await page.reload();
  await openDecryptScreen(page);
  return payload;
}

/** `count` files named dropped-N.txt, each holding `text`, dropped on the page. */
async function dropCaptures(page: Page, text: string, count: number): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ text, count }) => {
      const transfer = new DataTransfer();
      for (let i = 0; i < count; i++) transfer.items.add(new File([text], `dropped-${i}.txt`, { type: 'text/plain' }));
      return transfer;
    },
    { text, count },
  );
  await page.locator('body').dispatchEvent('drop', { dataTransfer });
}

function finishedBatchIds(host: BridgeHost): string[] {
  return host.events.filter((e) => e.name === 'batch.finished').map((e) => (e.payload as { batchId: string }).batchId);
}

test('a HAR recording: progress, results with URL and time, a per-item error, export with and without plaintext', async ({
  openApp,
}) => {
  // Many states photographed and checked by axe, in both themes: more than the default time on a busy machine.
  test.slow();
  const { page, host } = await openApp();
  await addWorkflow(host, WORKFLOW, 'Token generation');
  const first = await addKey(host, WORKFLOW, 'Dashboard key 2025');
  const older = await seal(host, '{"user":{"email":"ada@example.com"},"step":"older key"}');
  const current = await addKey(host, WORKFLOW, 'Dashboard key 2026');
  expect((await host.invoke('keys.activate', { workflowId: WORKFLOW, keyId: current.key.id })).ok).toBe(true);
  const newer = await seal(host, '{"user":{"email":"grace@example.com"},"step":"active key"}');
  const har = writeHar('session.har', [
    { method: 'GET', url: 'https://app.example.com/', time: '2026-11-21T08:56:00.000Z' },
    { method: 'POST', url: 'https://hooks.example.com/token', time: '2026-11-21T08:57:00.000Z', body: older },
    { method: 'POST', url: 'https://hooks.example.com/token', time: '2026-11-21T08:57:30.000Z', body: newer },
    { method: 'POST', url: 'https://hooks.example.com/broken', time: '2026-11-21T08:58:00.000Z', body: 'not a payload!' },
  ]);
  await host.setCaptureFiles([har]);
  await page.reload();
  await expect(keyRow(page, 'Dashboard key 2025')).toContainText('Never');
  await openDecryptScreen(page);

  // Recognised as a HAR recording by its content; the bar measures the bytes read.
  await page.getByRole('button', { name: 'Open files…' }).click();
  const progress = page.getByRole('progressbar', { name: 'Decrypting session.har' });
  await expect(progress).toBeVisible();
  await expect(batchStatus(page)).toContainText('Finished: 3 payloads — 2 decrypted, 0 no matching key, 1 malformed, 0 other.');
  await expect(page.getByText('HAR recording · keys of onUserTokenGeneration')).toBeVisible();
  // The GET request is not a capture; the three POST bodies are, in order, with URL and time.
  await expect(resultRows(page)).toHaveCount(3);
  const harBytes = String(statSync(har).size);
  await expect(progress).toHaveAttribute('aria-valuemax', harBytes);
  await expect(progress).toHaveAttribute('aria-valuenow', harBytes);
  await expect(resultRows(page).nth(0)).toContainText('session.har#2');
  await expect(resultRows(page).nth(0)).toContainText('https://hooks.example.com/token');
  await expect(resultRows(page).nth(0)).toContainText('2026-11-21');
  await expect(resultRows(page).nth(0)).toContainText('Dashboard key 2025');
  await expect(resultRows(page).nth(0)).toContainText('Inactive');
  await expect(resultRows(page).nth(1)).toContainText('Active');
  await expect(resultRows(page).nth(2)).toContainText('Malformed payload');
  await expect(resultRows(page).nth(2)).toContainText('not base64');
  await expect(resultRows(page).nth(2)).toContainText('https://hooks.example.com/broken');

  // Selecting a row shows it in full, its body hidden until Reveal; the keyboard moves the selection.
  await resultRows(page).nth(0).click();
  const detail = page.getByRole('region', { name: 'Selected result' });
  await expect(detail.getByRole('article', { name: /session\.har#2$/ })).toContainText('nonce-tag-ciphertext');
  await expect(detail.getByLabel('Plaintext', { exact: true })).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(resultRows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(detail.getByRole('article', { name: /session\.har#3$/ })).toContainText('Dashboard key 2026');
  await detail.getByRole('button', { name: 'Reveal' }).click();
  await expect(detail.getByLabel('Plaintext', { exact: true })).toContainText('grace@example.com');
  // At 1280×720 the summary and the selected result stay on screen together.
  await expect(batchStatus(page)).toBeInViewport();
  await expect(detail.getByLabel('Plaintext', { exact: true })).toBeInViewport();
  await captureScreen(page, 'decrypt-batch-har-results', detail);
  await page
    .getByRole('group', { name: 'Show results' })
    .getByRole('button', { name: /^Malformed payload/ })
    .click();
  await expect(resultRows(page)).toHaveCount(1);
  await page.getByRole('group', { name: 'Show results' }).getByRole('button', { name: /^All/ }).click();

  // CSV without plaintext.
  const csv = path.join(scratch, 'results.csv');
  await host.setExportPath(csv);
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('menu', { name: 'Export' })).toBeVisible();
  await captureScreen(page, 'decrypt-batch-export-menu');
  await page.getByRole('menuitem', { name: 'CSV', exact: true }).click();
  await expect(toast(page, 'Results exported')).toBeVisible();
  const csvText = readFileSync(csv, 'utf8');
  expect(csvText.trim().split('\n')).toHaveLength(4);
  expect(csvText).toContain('MALFORMED_PAYLOAD');
  expect(csvText).not.toContain('ada@example.com');
  expect(csvText).not.toContain('grace@example.com');

  // NDJSON with plaintext: its own question first, before the save dialog and before anything is written.
  const ndjson = path.join(scratch, 'results.ndjson');
  await host.setExportPath(ndjson);
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'With decrypted bodies…' }).click();
  const question = page.getByRole('alertdialog', { name: 'Export with decrypted bodies?' });
  await expect(question).toContainText('The exported file will hold decrypted secrets');
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect(existsSync(ndjson)).toBe(false);
  await captureScreen(page, 'decrypt-batch-export-plaintext-question');
  await question.getByRole('button', { name: 'Export with plaintext' }).click();
  await expect(toast(page, 'Results exported, with plaintext')).toBeVisible();
  const lines = readFileSync(ndjson, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toContain('ada@example.com');
  expect(lines[1]).toContain('grace@example.com');
  for (const spelling of [...spellingsOf(first.value), ...spellingsOf(current.value)]) {
    expect(lines.join('\n')).not.toContain(spelling);
  }

  // A cancelled save dialog writes nothing and says nothing.
  await host.setExportPath(null);
  const toastsBefore = await page.locator('.toast').count();
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'JSON', exact: true }).click();
  // The button is enabled again once main answered; a toast would have come with the answer.
  await expect(page.getByRole('button', { name: 'Export' })).toBeEnabled();
  expect(await page.locator('.toast').count()).toBeLessThanOrEqual(toastsBefore);

  // "Last matched" is set once for the batch on both keys; leaving the screen discards the batch in main.
  const batchId = itemAt(finishedBatchIds(host), 0);
  await sidebarWorkflow(page, 'Token generation').click();
  await expect(keyRow(page, 'Dashboard key 2025')).not.toContainText('Never');
  await expect(keyRow(page, 'Dashboard key 2026')).not.toContainText('Never');
  await host.setExportPath(path.join(scratch, 'after-leaving.csv'));
  const afterLeaving = await host.invoke('batches.export', { batchId, format: 'csv', includePlaintext: false });
  expect(afterLeaving.ok ? null : afterLeaving.error.code).toBe('NOT_FOUND');
});

test('a folder is counted before it starts; a large NDJSON batch shows bytes, rate and time left, and can be cancelled', async ({
  openApp,
}) => {
  // Many states photographed and checked by axe, in both themes: more than the default time on a busy machine.
  test.slow();
  const { page, host } = await openApp();
  // Many keys, none of which matches: every line costs every key in both layouts, so the batch runs long enough to cancel.
  for (const id of ['onUserTokenGeneration', 'onPostAuthentication', 'onM2MTokenGeneration']) {
    await addWorkflow(host, id);
    for (let k = 0; k < 4; k++) await addKey(host, id, `${id} key ${k + 1}`);
  }
  const folder = path.join(scratch, 'captures');
  mkdirSync(path.join(folder, 'march'), { recursive: true });
  const sealed = await seal(host, '{"ok":true}');
  for (let i = 0; i < 30; i++) writeFileSync(path.join(folder, i < 10 ? 'march' : '', `capture-${i}.txt`), sealed);
  writeFileSync(path.join(folder, 'notes.txt'), 'not a payload');

  const stranger = randomBytes(32);
  const lines = Array.from({ length: 200_000 }, (_, i) =>
    JSON.stringify({ capture: sealWithStranger(stranger, `{"n":${i},"email":"someone@example.com"}`) }),
  );
  lines.splice(1, 0, '{ this line is not JSON');
  const ndjson = path.join(scratch, 'captures.ndjson');
  writeFileSync(ndjson, `${lines.join('\n')}\n`);

  await page.reload();
  await openDecryptScreen(page);
  await page.getByRole('radio', { name: /Any workflow/ }).check();

  await host.setCaptureFiles([folder]);
  await page.getByRole('button', { name: 'Open folder…' }).click();
  const chosen = page.getByRole('region', { name: 'Chosen folder' });
  await expect(chosen).toContainText('captures');
  await expect(chosen).toContainText('31 files, in this folder and below it');
  await expect(chosen.getByRole('button', { name: 'Start' })).toBeFocused();
  await captureScreen(page, 'decrypt-batch-folder-counted', chosen);
  await page.keyboard.press('Enter');
  await expect(batchStatus(page)).toContainText('Finished: 31 payloads — 30 decrypted, 0 no matching key, 1 malformed, 0 other.');
  const folderBar = page.getByRole('progressbar', { name: 'Decrypting captures' });
  await expect(folderBar).toHaveAttribute('aria-valuenow', (await folderBar.getAttribute('aria-valuemax')) ?? 'none');
  // In the folder's order, sub-folders in place; the keyboard reaches rows scrolled out of the page.
  await expect(page.getByRole('listbox', { name: 'Results, 31 in input order' })).toBeVisible();
  await resultRows(page).first().click();
  await expect(resultRows(page).first()).toContainText('captures/capture-10.txt');
  await page.keyboard.press('End');
  await expect(page.locator('[role="option"][aria-selected="true"]')).toContainText('captures/notes.txt');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('[role="option"][aria-selected="true"]')).toContainText('captures/march/capture-9.txt');

  // NDJSON, recognised by its lines, with a custom member name: progress by bytes of the file's
  // size, with the rate and the time left; the many identical "no key" errors share one row.
  await page.getByText('NDJSON options').click();
  await page.getByLabel(/NDJSON field/).fill('capture');
  await host.setCaptureFiles([ndjson]);
  await page.getByRole('button', { name: 'Open files…' }).click();
  const progress = page.getByRole('progressbar', { name: 'Decrypting captures.ndjson' });
  await expect(progress).toHaveAttribute('aria-valuemax', String(statSync(ndjson).size));
  await expect(page.getByText(/ read · [\d,]+ payloads? · .*\/s · about .* left$/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Open files…' })).toBeDisabled();
  await expect(resultRows(page).nth(0)).toContainText(/×[\d,]+/);
  await expect(resultRows(page).nth(1)).toContainText('not valid JSON');
  await captureScreen(page, 'decrypt-batch-running', progress);
  await page.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(batchStatus(page)).toContainText('Cancelled after');
  // Cancel is gone with the run: the summary has focus, and the bar stays where it stopped.
  await expect(page.getByRole('status', { name: 'Batch summary' })).toBeFocused();
  await expect(progress).toHaveAttribute('data-stopped', 'true');
  expect(Number(await progress.getAttribute('aria-valuenow'))).toBeLessThan(statSync(ndjson).size);
  const finished = host.events.findLast((e) => e.name === 'batch.finished')?.payload as {
    cancelled: boolean;
    counts: { done: number; malformed: number };
  };
  expect(finished.cancelled).toBe(true);
  expect(finished.counts.done).toBeLessThan(lines.length);
  expect(finished.counts.malformed).toBe(1);
  await captureScreen(page, 'decrypt-batch-cancelled', batchStatus(page));

  // Content decides, not the name: a ".har" file holding something else is read as one capture.
  const notHar = path.join(scratch, 'export.har');
  writeFileSync(notHar, '<html>not a recording</html>');
  await host.setCaptureFiles([notHar]);
  await page.getByRole('button', { name: 'Open files…' }).click();
  await expect(batchStatus(page)).toContainText('Finished: 1 payload — 0 decrypted, 0 no matching key, 1 malformed, 0 other.');
  await expect(page.getByText('Capture files · every workflow’s keys')).toBeVisible();
});

/**
 * Drops these files and folders on the page as the items a desktop drop gives: the page gets a File
 * for each (empty: main reads the disk, not the page) and a folder entry for each folder. Chromium
 * gives a synthetic DataTransfer no folder entries, so this drop event carries its own items.
 */
async function dropFromDisk(page: Page, paths: Array<{ path: string; folder: boolean }>): Promise<void> {
  await page.evaluate(
    (dropped) => {
      const items = dropped.map(({ name, folder }) => ({
        kind: 'file',
        getAsFile: () => new File([], name),
        webkitGetAsEntry: () => ({ isDirectory: folder }),
      }));
      const drop = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], items, dropEffect: 'none' } });
      window.dispatchEvent(drop);
    },
    paths.map(({ path: p, folder }) => ({ name: path.basename(p), folder })),
  );
}

test('many dropped files run as a batch; a few still show as cards; a dropped folder is walked in main', async ({ openApp }) => {
  const { page, host, droppable } = await openApp();
  const payload = await payloadOnDecryptScreen(page, host, '{"dropped":true}');

  await dropCaptures(page, payload, 25);
  await expect(page.getByRole('heading', { name: '25 dropped files' })).toBeVisible();
  await expect(batchStatus(page)).toContainText('Finished: 25 payloads — 25 decrypted');
  // Virtualised: only the rows in view are in the page; the list says how many there are.
  await expect(page.getByRole('listbox', { name: 'Results, 25 in input order' })).toBeVisible();
  await expect(resultRows(page).first()).toContainText('dropped-0.txt');

  // A pasted capture replaces the batch: one result area at a time.
  await page.getByLabel('Captured payload').fill(payload);
  await page.getByRole('button', { name: 'Decrypt', exact: true }).last().click();
  await expect(page.getByRole('article', { name: 'Result for Pasted capture' })).toContainText('Decrypted');
  await expect(page.getByRole('heading', { name: '25 dropped files' })).toHaveCount(0);

  // A folder dropped with a file: main walks the folder (and the folder below it) as a picked one.
  const folder = path.join(scratch, 'captures');
  mkdirSync(path.join(folder, 'older'), { recursive: true });
  const files = [path.join(folder, 'a.txt'), path.join(folder, 'older', 'b.txt'), path.join(scratch, 'loose.txt')];
  for (const file of files) writeFileSync(file, payload);
  await droppable([folder, path.join(scratch, 'loose.txt')]);
  await dropFromDisk(page, [
    { path: folder, folder: true },
    { path: path.join(scratch, 'loose.txt'), folder: false },
  ]);
  await expect(page.getByRole('heading', { name: '2 dropped items' })).toBeVisible();
  await expect(batchStatus(page)).toContainText('Finished: 3 payloads — 3 decrypted');
  await expect(page.getByRole('listbox', { name: 'Results, 3 in input order' })).toBeVisible();
  await expect(resultRows(page).first()).toContainText('a.txt');
  // Progress was counted in bytes read of the files' total, known before reading.
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  expect(host.events.findLast((e) => e.name === 'batch.finished')?.payload).toMatchObject({
    bytes: { read: bytes, total: bytes },
  });
});

test('a batch larger than the page lists says how many are listed, and one larger than main keeps is not exported', async ({
  openApp,
}) => {
  // Sixteen decrypted bytes each, and over twenty dropped files run as a batch: the page lists
  // four (64 bytes), main keeps twenty-four (384 bytes).
  const limits = { shown: { results: 100, plaintextBytes: 64 }, kept: { results: 100, plaintextBytes: 384 } };
  const { page, host } = await openApp({ env: { CUSTODY_BRIDGE_BATCH_LIMITS: JSON.stringify(limits) } });
  const payload = await payloadOnDecryptScreen(page, host, '{"dropped":true}');

  await dropCaptures(page, payload, 24);
  await expect(batchStatus(page)).toContainText('Finished: 24 payloads — 24 decrypted');
  await expect(batchStatus(page)).toContainText('The first 4 are listed here; the export holds all of them.');
  await expect(page.getByRole('listbox', { name: 'Results, 4 in input order' })).toBeVisible();
  const exported = path.join(scratch, 'all.ndjson');
  await host.setExportPath(exported);
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'NDJSON', exact: true }).click();
  await expect(toast(page, 'Results exported')).toBeVisible();
  expect(readFileSync(exported, 'utf8').trim().split('\n')).toHaveLength(24);

  await dropCaptures(page, payload, 25);
  await expect(batchStatus(page)).toContainText('Finished: 25 payloads — 25 decrypted');
  await expect(batchStatus(page)).toContainText('The first 4 are listed here; the app keeps at most');
  await expect(batchStatus(page)).toContainText('so decrypt a batch this large with “custody decrypt --output FILE”.');
  const refused = path.join(scratch, 'refused.ndjson');
  await host.setExportPath(refused);
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'NDJSON', exact: true }).click();
  await expect(page.locator('.toast').filter({ hasText: 'This batch is larger than the app keeps for export' })).toBeVisible();
  expect(() => readFileSync(refused)).toThrow();
});

test('simulate secureFetch: the sealed body decrypts in the workbench; snippets hold a placeholder, never the key', async ({
  openApp,
}) => {
  const { page, host } = await openApp();
  await addWorkflow(host, WORKFLOW, 'Token generation');
  const revealed = await addKey(host, WORKFLOW, 'Receiver test key');
  await page.reload();
  await page.getByRole('navigation', { name: 'Tools' }).getByRole('button', { name: 'Simulate secureFetch' }).click();
  await expect(page.getByRole('heading', { name: 'Simulate secureFetch', level: 1 })).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Workflow' })).toHaveValue(WORKFLOW);
  await page.getByLabel('Request body').fill('{"user":{"id":"kp_0123456789","email":"ada@example.com"}}');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const output = page.getByLabel('Payload (base64url)');
  await expect(output).toHaveValue(/^[A-Za-z0-9_-]{40,}$/);
  await expect(output).toHaveAttribute('readonly', '');
  const payload = await output.inputValue();
  await expect(page.getByRole('status').filter({ hasText: 'Sealed with Receiver test key' })).toBeVisible();
  // Main asked first, once (the fake desktop answers Continue).
  expect((await host.desktopRecord()).simulateQuestions).toBe(1);
  await captureScreen(page, 'decrypt-simulate-sealed', output);

  // Snippets: one tab per language, the placeholder marked, no key in any form.
  const languages = page.getByRole('tablist', { name: 'Receiver language' });
  await expect(languages.getByRole('tab')).toHaveText(['Node.js', 'C# / .NET 8', 'Python 3']);
  const node = page.getByRole('tabpanel', { name: 'Node.js' });
  await expect(node.locator('pre')).toContainText("require('node:crypto')");
  await expect(node.locator('mark.placeholder')).toHaveText('<WORKFLOW_KEY_BASE64>');
  await captureScreen(page, 'decrypt-simulate-snippets', node.locator('pre'));
  await languages.getByRole('tab', { name: 'Node.js' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(languages.getByRole('tab', { name: 'Python 3' })).toBeFocused();
  const python = page.getByRole('tabpanel', { name: 'Python 3' });
  await expect(python).toBeVisible();
  await expect(node).toBeHidden();
  await expect(python.locator('pre')).toContainText('AESGCM');
  const snippetsText = (await page.locator('.code-block').allTextContents()).join('\n');
  for (const spelling of spellingsOf(revealed.value)) expect(snippetsText).not.toContain(spelling);

  // Copies go through main: the payload it sealed, and the snippet it supplies.
  await page.getByRole('button', { name: 'Copy payload' }).click();
  await expect(toast(page, 'Payload copied to the clipboard')).toBeVisible();
  await expect(page.locator('.toast').filter({ hasText: 'Copied — clears in 30 s' })).toBeVisible();
  expect(await host.clipboard()).toEqual([payload]);
  await page.getByRole('button', { name: 'Copy snippet' }).click();
  await expect(toast(page, 'Snippet copied to the clipboard')).toBeVisible();
  const clipboard = await host.clipboard();
  expect(clipboard).toHaveLength(2);
  expect(clipboard[1]).toContain('AESGCM');
  expect(clipboard[1]).toContain('<WORKFLOW_KEY_BASE64>');
  for (const spelling of spellingsOf(revealed.value)) expect(clipboard[1]).not.toContain(spelling);

  // Round trip: the payload decrypts in the workbench with the workflow's keys.
  await page.getByRole('button', { name: 'Decrypt it in the workbench' }).click();
  await expect(page.getByRole('heading', { name: 'Decrypt', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Captured payload')).toBeFocused();
  const result = page.getByRole('article', { name: 'Result for Pasted capture' });
  await expect(result).toContainText('Decrypted');
  await expect(result).toContainText('Receiver test key');
  await result.getByRole('button', { name: 'Reveal' }).click();
  await expect(result.getByLabel('Plaintext', { exact: true })).toContainText('"email": "ada@example.com"');
});
