/**
 * A vault that cannot open shows why (the core's message) and what to do, with
 * Retry — never a blank window.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { VAULT_KEY_ACCOUNT, createKeytarSecretStore } from '../../../electron/custody';
import { expect, test } from './app-fixture';
import { captureScreen } from './screens';
import { addWorkflow } from './seed';

test('an existing vault whose keychain is not reachable shows the reason, what to do, and Retry', async ({ openApp }) => {
  const home = mkdtempSync(path.join(tmpdir(), 'custody-e2e-unavailable-'));
  const keychainService = `workflow-key-custody-e2e-${randomUUID()}`;
  try {
    const first = await openApp({ home, keychainService });
    await addWorkflow(first.host, 'onUserTokenGeneration');
    await first.close();

    const app = await openApp({ home, keychainService, keychain: 'unavailable' });
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'The vault cannot be opened', level: 1 })).toBeVisible();
    const reason = page.getByRole('alert');
    await expect(reason).toContainText('The OS keychain is not reachable');
    await expect(page.getByRole('heading', { name: 'What to do' })).toBeVisible();
    await expect(page.getByText('On Linux, make sure a Secret Service is running')).toBeVisible();
    await expect(page.getByText(home)).toBeVisible();
    await expect(page.getByText('KEYCHAIN_UNAVAILABLE')).toBeHidden();
    await reason.getByText('Details').click();
    await expect(page.getByText('KEYCHAIN_UNAVAILABLE')).toBeVisible();
    await captureScreen(page, 'vault-unavailable');

    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('button', { name: 'Retry' })).toBeEnabled();
    await expect(reason).toContainText('The OS keychain is not reachable');
  } finally {
    await createKeytarSecretStore()
      .delete(keychainService, VAULT_KEY_ACCOUNT)
      .catch(() => false);
    rmSync(home, { recursive: true, force: true });
  }
});

test('a first start without a keychain says why instead of creating a vault', async ({ openApp }) => {
  const app = await openApp({ keychain: 'unavailable' });
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'The vault cannot be opened', level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('The OS keychain is not reachable');
  await expect(page.getByRole('heading', { name: 'What to do' })).toBeVisible();
  expect(existsSync(path.join(app.host.home, 'vault.json'))).toBe(false);
});
