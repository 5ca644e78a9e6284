/**
 * A vault that cannot open shows why (the core's message) and what to do, with
 * Retry — never a blank window.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { VAULT_KEY_ACCOUNT, createKeytarSecretStore } from '../../../electron/custody';
import { expect, test } from './app-fixture';
import { captureScreen } from './screens';
import { addKey, addWorkflow, listKeys } from './seed';

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

/** A vault folder and keychain service of the test's own, removed afterwards. */
async function withOwnVault(work: (home: string, keychainService: string) => Promise<void>): Promise<void> {
  const home = mkdtempSync(path.join(tmpdir(), 'custody-e2e-r17-'));
  const keychainService = `workflow-key-custody-e2e-${randomUUID()}`;
  try {
    await work(home, keychainService);
  } finally {
    await createKeytarSecretStore()
      .delete(keychainService, VAULT_KEY_ACCOUNT)
      .catch(() => false);
    rmSync(home, { recursive: true, force: true });
  }
}

test('an older vault.json (R17) explains restore-or-accept, and "Accept this older vault" opens it after a confirm', async ({
  openApp,
}) => {
  // Two starts of the app and two screens photographed in both themes.
  test.slow();
  await withOwnVault(async (home, keychainService) => {
    const WF = 'onUserTokenGeneration';
    const first = await openApp({ home, keychainService });
    await addWorkflow(first.host, WF);
    copyFileSync(path.join(home, 'vault.json'), path.join(home, 'vault.aside.json'));
    await addKey(first.host, WF);
    await first.close();
    copyFileSync(path.join(home, 'vault.aside.json'), path.join(home, 'vault.json'));

    const app = await openApp({ home, keychainService });
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'The vault cannot be opened', level: 1 })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('The vault file is older than expected');
    await expect(page.getByText('Restore the newest vault.json from your backup and press Retry.')).toBeVisible();
    await page.getByRole('alert').getByText('Details').click();
    await expect(page.getByText('VAULT_ROLLED_BACK')).toBeVisible();
    await captureScreen(page, 'vault-rolled-back');

    await page.getByRole('button', { name: 'Accept this older vault' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Accept this older vault?' });
    await expect(dialog).toBeVisible();
    await captureScreen(page, 'vault-rolled-back-confirm');
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('alert')).toContainText('The vault file is older than expected');

    await page.getByRole('button', { name: 'Accept this older vault' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Accept this older vault' }).click();
    await expect(page.getByText('Older vault accepted')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'The vault cannot be opened' })).toHaveCount(0);
    expect(await listKeys(app.host, WF)).toEqual([]);
    const verified = await app.host.invoke('audit.verify', {});
    expect(verified).toMatchObject({ ok: true, value: { ok: true } });
  });
});

test('a vault.json gone while its key is in the keychain (R17) is never replaced silently; the danger button starts over after a confirm', async ({
  openApp,
}) => {
  // Two starts of the app and two screens photographed in both themes.
  test.slow();
  await withOwnVault(async (home, keychainService) => {
    const first = await openApp({ home, keychainService });
    await addWorkflow(first.host, 'onUserTokenGeneration');
    await first.close();
    unlinkSync(path.join(home, 'vault.json'));

    const app = await openApp({ home, keychainService });
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'The vault cannot be opened', level: 1 })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('The vault file is missing');
    await page.getByRole('alert').getByText('Details').click();
    await expect(page.getByText('VAULT_MISSING')).toBeVisible();
    expect(existsSync(path.join(home, 'vault.json'))).toBe(false);
    await captureScreen(page, 'vault-missing');

    await page.getByRole('button', { name: 'Discard the old key and start a new vault' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Discard the old key and start a new vault?' });
    await expect(dialog).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Discard the old key and start a new vault' });
    await expect(confirm).toHaveClass(/button-danger/);
    await captureScreen(page, 'vault-missing-confirm');
    await confirm.click();

    await expect(page.getByText('New vault started', { exact: true })).toBeVisible();
    expect(existsSync(path.join(home, 'vault.json'))).toBe(true);
    expect(await app.host.invoke('workflows.list', {})).toEqual({ ok: true, value: [] });
  });
});
