/**
 * Decrypt a vector payload and show the matched key, its body hidden until Reveal and copied
 * through main; a malformed payload shows its error. Paste, open (the main-side dialog) and drop
 * anywhere on the window; this workflow's keys or any workflow's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { fingerprintOfValue } from '../../support/key-values';
import { type SecureFetchVector, loadVectors } from '../../support/vectors';
import { expect, test } from './app-fixture';
import { captureScreen } from './screens';
import { addWorkflow, importKey } from './seed';
import { keyRow } from './ui';

const vectors = loadVectors();
function vector(name: string): SecureFetchVector {
  const found = vectors.find((v) => v.name === name);
  if (!found) throw new Error(`no vector "${name}"`);
  return found;
}

const STANDARD = vector('base64 std, padded');
const WEBCRYPTO = vector('WebCrypto layout nonce|ciphertext|tag');
const MALFORMED = vector('not base64 at all');
const TAMPERED = vector('tampered tag');
const JSON_LITERAL = vector('captured as JSON string literal');
const WHITESPACE = vector('surrounding whitespace and line breaks');

function result(page: Page, source: string) {
  return page.getByRole('article', { name: `Result for ${source}` });
}

async function decryptPasted(page: Page, payload: string): Promise<void> {
  await page.getByLabel('Captured payload').fill(payload);
  await page.getByRole('button', { name: 'Decrypt', exact: true }).last().click();
}

test('a vector payload decrypts and names the key, its status and the layout; errors are shown per code', async ({ openApp }) => {
  // Many states photographed and checked by axe, in both themes: more than the default time on a busy machine.
  test.slow();
  const app = await openApp();
  const { page, host } = app;
  await addWorkflow(host, 'onUserTokenGeneration', 'Token generation');
  await addWorkflow(host, 'onPostAuthentication', 'Post authentication');
  await importKey(host, 'onUserTokenGeneration', STANDARD.keys[0], 'Dashboard key');
  await importKey(host, 'onPostAuthentication', WEBCRYPTO.keys[0], 'WebCrypto key');
  await page.reload();
  await expect(keyRow(page, 'Dashboard key')).toContainText('Never');

  await page.getByRole('main').getByRole('button', { name: 'Decrypt' }).click();
  await expect(page.getByRole('heading', { name: 'Decrypt', level: 1 })).toBeFocused();
  await expect(page.getByRole('radio', { name: 'This workflow’s keys' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Workflow' })).toHaveValue('onUserTokenGeneration');
  await captureScreen(page, 'decrypt-empty');

  await decryptPasted(page, STANDARD.payload);
  const matched = result(page, 'Pasted capture');
  await expect(matched).toContainText('Decrypted');
  // At 1280×720 the summary and the selected result are on screen together, the body hidden.
  await expect(page.getByRole('status').filter({ hasText: '1 payload: 1 decrypted, 0 failed.' })).toBeInViewport();
  await expect(matched).toBeInViewport();
  await expect(matched.getByLabel('Plaintext', { exact: true })).toHaveCount(0);
  await expect(matched).not.toContainText('officer');
  await captureScreen(page, 'decrypt-result-hidden');
  await matched.getByRole('button', { name: 'Copy' }).click();
  await expect(page.locator('.toast').filter({ hasText: 'Decrypted body copied' })).toContainText('Copied — clears in 30 s');
  expect(await host.clipboard()).toEqual([STANDARD.plaintext]);
  await matched.getByRole('button', { name: 'Reveal' }).click();
  await expect(matched).toContainText('Dashboard key');
  await expect(matched).toContainText(fingerprintOfValue(STANDARD.keys[0]).replace(/(.{4})(?=.)/g, '$1 '));
  await expect(matched.getByText('Active', { exact: true })).toBeVisible();
  await expect(matched).toContainText('nonce-tag-ciphertext');
  await expect(matched.getByText('Plaintext (JSON)')).toBeVisible();
  await expect(matched.getByLabel('Plaintext', { exact: true })).toHaveText(
    JSON.stringify(JSON.parse(STANDARD.plaintext ?? ''), null, 2),
  );
  await captureScreen(page, 'decrypt-result', matched.getByLabel('Plaintext', { exact: true }));

  await decryptPasted(page, MALFORMED.payload);
  const malformed = result(page, 'Pasted capture');
  // A label and the core's sentence; the code only behind Details.
  await expect(malformed.getByText('Malformed payload').first()).toBeVisible();
  await expect(malformed.getByText('MALFORMED_PAYLOAD')).toBeHidden();
  await malformed.getByText('Details').click();
  await expect(malformed.getByText('MALFORMED_PAYLOAD')).toBeVisible();
  await captureScreen(page, 'decrypt-malformed', malformed);

  // A WebCrypto payload of another workflow: no key of this workflow matches...
  await decryptPasted(page, WEBCRYPTO.payload);
  await expect(result(page, 'Pasted capture').getByText('No matching key').first()).toBeVisible();

  // ...and "any workflow" finds it, in the other layout.
  await page.getByRole('radio', { name: /Any workflow/ }).check();
  await page.getByRole('button', { name: 'Decrypt', exact: true }).last().click();
  const anyMatch = result(page, 'Pasted capture');
  await expect(anyMatch).toContainText('WebCrypto key');
  await expect(anyMatch).toContainText('onPostAuthentication');
  await expect(anyMatch).toContainText('nonce-ciphertext-tag');
  await anyMatch.getByRole('button', { name: 'Reveal' }).click();
  await expect(anyMatch.getByLabel('Plaintext', { exact: true })).toContainText('officer.public@example.com');

  // "Last matched" is recorded on the key that decrypted.
  await page
    .getByRole('list', { name: 'Workflows' })
    .getByRole('button', { name: /^Token generation/ })
    .click();
  await expect(keyRow(page, 'Dashboard key')).not.toContainText('Never');
});

test('captures opened from files, and dropped anywhere on the window, are decrypted', async ({ openApp }) => {
  // Many states photographed and checked by axe, in both themes: more than the default time on a busy machine.
  test.slow();
  const folder = mkdtempSync(path.join(tmpdir(), 'custody-captures-'));
  try {
    const app = await openApp();
    const { page, host } = app;
    await addWorkflow(host, 'onUserTokenGeneration', 'Token generation');
    for (const key of new Set([JSON_LITERAL.keys[0], WHITESPACE.keys[0], TAMPERED.keys[0]])) {
      const imported = await host.invoke('keys.import', { workflowId: 'onUserTokenGeneration', value: key });
      expect(imported.ok || (!imported.ok && imported.error.code === 'DUPLICATE_KEY')).toBe(true);
    }
    const files = (
      [
        ['capture-json-literal.txt', JSON_LITERAL.payload],
        ['capture-whitespace.txt', WHITESPACE.payload],
      ] as const
    ).map(([name, text]) => {
      const file = path.join(folder, name);
      writeFileSync(file, text);
      return file;
    });
    await host.setCaptureFiles(files);
    await page.reload();
    await page.getByRole('button', { name: 'Decrypt' }).first().click();

    // Linux: the files and the folder dialogs apart (macOS has one Open…).
    await expect(page.getByRole('button', { name: 'Open folder…' })).toBeVisible();
    await page.getByRole('button', { name: 'Open files…' }).click();
    await expect(page.locator('.batch-outcome')).toContainText('Finished: 2 payloads — 2 decrypted');
    const rows = page.getByRole('listbox', { name: 'Results, 2 in input order' }).getByRole('option');
    await expect(rows.nth(0)).toContainText('capture-json-literal.txt');
    await expect(rows.nth(1)).toContainText('capture-whitespace.txt');

    // The whole window takes a drop, and says so while files are dragged over it.
    await page.getByRole('navigation', { name: 'Tools' }).getByRole('button', { name: 'Audit log' }).click();
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped-tampered.txt', { type: 'text/plain' }));
      return transfer;
    }, TAMPERED.payload);
    const body = page.locator('body');
    await body.dispatchEvent('dragenter', { dataTransfer });
    await expect(page.getByText('Drop captures to decrypt')).toBeVisible();
    await captureScreen(page, 'decrypt-drop-overlay');
    await body.dispatchEvent('dragover', { dataTransfer });
    await body.dispatchEvent('drop', { dataTransfer });
    await expect(page.getByText('Drop captures to decrypt')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Decrypt', level: 1 })).toBeVisible();
    await expect(result(page, 'dropped-tampered.txt')).toContainText('No matching key');
    await captureScreen(page, 'decrypt-dropped-failure', result(page, 'dropped-tampered.txt'));

    // Leaving Decrypt clears the decrypted bodies.
    await page.getByRole('button', { name: 'Audit log' }).click();
    await page.getByRole('button', { name: 'Decrypt' }).first().click();
    await expect(page.getByRole('article')).toHaveCount(0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
