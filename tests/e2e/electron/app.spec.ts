/**
 * The real app through Playwright's `_electron`: it starts, the
 * vault initialises against the OS keychain, the workflows screen shows, and a key is added and
 * activated. Where the Electron binary is absent the suite is skipped with one clear line; the
 * `electron` package is never loaded (that would start its download).
 * Run with `npm run test:electron` (a Secret Service and a display are arranged there).
 */
import { type ElectronApplication, type Page, _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { VAULT_KEY_ACCOUNT, createKeytarSecretStore } from '../../../electron/custody';
import { dialog, keyRow, keyRows, revealedValue } from '../chromium/ui';
import { ELECTRON_SKIP_LINE, findElectronBinary } from '../../support/electron-binary';

const executablePath = findElectronBinary();
const REPO = path.resolve(__dirname, '../../..');
const WORKFLOW = 'onUserTokenGeneration';

test.skip(executablePath === null, ELECTRON_SKIP_LINE);

let app: ElectronApplication;
let window: Page;
let home: string;
let keychainService: string;

test.beforeEach(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'custody-electron-e2e-'));
  keychainService = `workflow-key-custody-e2e-${randomUUID()}`;
  app = await electron.launch({
    executablePath: executablePath ?? undefined,
    // The unpackaged app on the stock binary: Playwright drives it through --inspect, which the
    // packaged app's fuses forbid (electron-builder.yml), so installers are not tested here.
    args: [REPO],
    cwd: REPO,
    env: { ...process.env, CUSTODY_HOME: home, CUSTODY_KEYCHAIN_SERVICE: keychainService },
  });
  window = await app.firstWindow();
  // The first run offers a passphrase (recommended); these scenarios go on without one.
  await dialog(window, 'Protect the vault with a passphrase').getByRole('button', { name: 'Skip for now' }).click();
});

test.afterEach(async () => {
  await app?.close();
  await createKeytarSecretStore()
    .delete(keychainService, VAULT_KEY_ACCOUNT)
    .catch(() => false);
  rmSync(home, { recursive: true, force: true });
});

test('starts, initialises the vault against the keychain, and shows the workflows screen', async () => {
  await expect(window).toHaveTitle('Workflow Key Custody');
  expect(window.url()).toBe('app://custody/index.html');
  await expect(window.getByRole('heading', { name: 'Add your first workflow' })).toBeVisible();
  expect(existsSync(path.join(home, 'vault.json'))).toBe(true);
  expect(await createKeytarSecretStore().get(keychainService, VAULT_KEY_ACCOUNT)).not.toBeNull();

  // Nothing of Node or Electron reaches the page: only window.custody.
  const exposed = await window.evaluate(() => ({
    custody: typeof (window as unknown as { custody?: unknown }).custody,
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(exposed).toEqual({ custody: 'object', require: 'undefined', process: 'undefined' });
});

test('a workflow is added, a key is added, and a second key is added and activated', async () => {
  await window.getByRole('button', { name: 'Add workflow' }).first().click();
  const add = dialog(window, 'Add workflow');
  await add.getByLabel('Workflow ID').fill(WORKFLOW);
  await add.getByLabel(/Display name/).fill('Token generation');
  await add.getByRole('button', { name: 'Add workflow' }).click();
  await expect(window.getByRole('heading', { name: 'Token generation', level: 1 })).toBeVisible();

  // The first key becomes active at once (R4).
  await window.getByRole('button', { name: 'Add encryption key' }).click();
  const first = dialog(window, 'Encryption key');
  expect(await revealedValue(window)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  await first.getByRole('button', { name: 'Copy' }).click();
  await expect(first.getByRole('button', { name: 'Copied' })).toBeVisible();
  await first.getByRole('button', { name: 'Close' }).click();
  await expect(first).toBeHidden();
  await expect(keyRows(window)).toHaveCount(1);

  // A second key is added inactive, then activated.
  await window.getByRole('button', { name: 'Add encryption key' }).click();
  const info = dialog(window, 'Add encryption key');
  await info.getByLabel(/Label/).fill('Next rotation');
  await info.getByRole('button', { name: 'Add', exact: true }).click();
  const second = dialog(window, 'Encryption key');
  await second.getByRole('button', { name: 'Copy' }).click();
  await second.getByRole('button', { name: 'Close' }).click();
  await expect(second).toBeHidden();
  await expect(keyRow(window, 'Next rotation').getByText('Active', { exact: true })).toHaveCount(0);

  await window.getByRole('button', { name: 'Actions for Next rotation' }).click();
  await window
    .getByRole('menu', { name: 'Actions for Next rotation' })
    .getByRole('menuitem', { name: 'Activate', exact: true })
    .click();
  const confirm = dialog(window, 'Activate encryption key');
  await confirm.getByRole('button', { name: 'Activate', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(keyRow(window, 'Next rotation').getByText('Active', { exact: true })).toBeVisible();
});
