/**
 * Decrypt a vector payload and show the matched key; a malformed payload shows
 * its error. Paste, open (the main-side dialog) and drop; this workflow's keys or any workflow's.
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
  await expect(anyMatch.getByLabel('Plaintext', { exact: true })).toContainText('officer.public@example.com');

  // "Last matched" is recorded on the key that decrypted.
  await page
    .getByRole('list', { name: 'Workflows' })
    .getByRole('button', { name: /^Token generation/ })
    .click();
  await expect(keyRow(page, 'Dashboard key')).not.toContainText('Never');
});

test('captures opened from files and dropped on the page are decrypted, one result each', async ({ openApp }) => {
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

    await page.getByRole('button', { name: 'Open captures…' }).click();
    await expect(result(page, 'capture-json-literal.txt')).toContainText('Decrypted');
    await expect(result(page, 'capture-whitespace.txt')).toContainText('Decrypted');
    await expect(page.getByRole('status').filter({ hasText: '2 payloads: 2 decrypted, 0 failed.' })).toBeVisible();

    const dropZone = page.locator('.drop-zone');
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped-tampered.txt', { type: 'text/plain' }));
      return transfer;
    }, TAMPERED.payload);
    await dropZone.dispatchEvent('dragover', { dataTransfer });
    await dropZone.dispatchEvent('drop', { dataTransfer });
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
