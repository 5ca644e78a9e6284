import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Custody } from '../../electron/custody/custody';
import { VAULT_KEY_ACCOUNT, auditFilePath, vaultFilePath } from '../../electron/custody/custody-paths';
import { REPO_ROOT } from '../support/cli-sandbox';
import { TEST_SCRYPT } from '../support/core-fixture';
import { createMemorySecretStore } from '../support/memory-secret-store';

/** tests/fixtures/vault-v1: written by the code before the key envelope (see its README). */
const FIXTURE = join(REPO_ROOT, 'tests', 'fixtures', 'vault-v1');
const SERVICE = 'custody-unit';
const WF = 'onUserTokenGeneration';
const IMPORTED = 'AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=';

let home: string;
let secrets: ReturnType<typeof createMemorySecretStore>;
let keychainItem: string;
const open = () => new Custody({ location: { home, keychainService: SERVICE }, secrets, user: 'officer', scrypt: TEST_SCRYPT });

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'custody-migrate-'));
  await copyFile(join(FIXTURE, 'vault.json'), vaultFilePath(home));
  await copyFile(join(FIXTURE, 'audit.jsonl'), auditFilePath(home));
  keychainItem = (await readFile(join(FIXTURE, 'keychain-item.txt'), 'utf8')).trim();
  secrets = createMemorySecretStore();
  await secrets.set(SERVICE, VAULT_KEY_ACCOUNT, keychainItem);
});
afterEach(() => rm(home, { recursive: true, force: true }));

async function vaultVersion(): Promise<number> {
  return (JSON.parse(await readFile(vaultFilePath(home), 'utf8')) as { version: number }).version;
}

describe('a vault of the first format migrates once, on first open', () => {
  it('keeps every workflow and key, and the keychain secret as it was (in the item of the current format)', async () => {
    const custody = open();
    const keys = await custody.listKeys(WF);
    expect(keys.map((k) => [k.label, k.status])).toEqual([
      ['imported', 'active'],
      ['first', 'inactive'],
    ]);
    const fingerprint = createHash('sha256').update(Buffer.from(IMPORTED, 'base64')).digest('hex').slice(0, 16);
    expect(keys[0]?.fingerprint).toBe(fingerprint);
    expect(await vaultVersion()).toBe(2);
    const item = JSON.parse((await secrets.get(SERVICE, VAULT_KEY_ACCOUNT)) ?? '{}') as { secret?: string };
    expect(item.secret).toBe(keychainItem);
    // The imported key's material survived: a payload sealed with it decrypts here.
    const { payload } = await custody.encrypt(WF, Buffer.from('{"ok":true}'));
    const [result] = await open().decrypt([{ source: 'capture', text: payload }], { mode: 'any' });
    expect(result).toMatchObject({ ok: true, plaintext: { text: '{"ok":true}' } });
  });

  it('is audited, and the chain written before it still verifies', async () => {
    const custody = open();
    await custody.listWorkflows();
    expect(await custody.verifyAudit()).toEqual({ ok: true, entries: 6, problem: null, firstBadSeq: null });
    expect((await custody.auditEntries()).at(-1)).toMatchObject({
      action: 'vault.migrate',
      details: { fromVersion: 1, toVersion: 2 },
    });
  });

  it('happens once, however many handles open it', async () => {
    await Promise.all([open().listWorkflows(), open().listWorkflows(), open().status()]);
    await open().listWorkflows();
    const actions = (await open().auditEntries()).map((e) => e.action);
    expect(actions.filter((a) => a === 'vault.migrate')).toHaveLength(1);
  });

  it('gets the default settings, and then takes a passphrase like any vault', async () => {
    const custody = open();
    expect(await custody.settings()).toEqual({ idleMinutes: 5, clipboardSeconds: 30, deletionWaitDays: 7 });
    await custody.setPassphrase('a passphrase');
    // The keychain item alone (the old vault key) no longer opens it.
    await expect(open().listWorkflows()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    const again = open();
    await again.unlock('a passphrase');
    expect(await again.verifyAudit()).toMatchObject({ ok: true, entries: 7 });
  });

  it('an item that is not this vault’s key leaves the file untouched (VAULT_CORRUPT)', async () => {
    const before = await readFile(vaultFilePath(home));
    await secrets.set(SERVICE, VAULT_KEY_ACCOUNT, Buffer.alloc(32, 7).toString('base64'));
    await expect(open().listWorkflows()).rejects.toMatchObject({ code: 'VAULT_CORRUPT' });
    expect(await readFile(vaultFilePath(home))).toEqual(before);
  });
});
