import { copyFile, mkdtemp, readdir, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Custody } from '../../electron/custody/custody';
import { VAULT_KEY_ACCOUNT, auditFilePath, vaultFilePath } from '../../electron/custody/custody-paths';
import { MAX_RECORDED_VAULTS, serializeItem } from '../../electron/custody/keychain-item';
import { type CoreFixture, TEST_SCRYPT, createCoreFixture } from '../support/core-fixture';
import type { createMemorySecretStore } from '../support/memory-secret-store';

const SERVICE = 'custody-unit';
const WF = 'onUserTokenGeneration';

let fx: CoreFixture;
beforeEach(async () => {
  fx = await createCoreFixture();
});
afterEach(() => fx.cleanup());

type Item = { secret: string; vaults: Record<string, { generation: number; home: string }> };

function itemOf(secrets: ReturnType<typeof createMemorySecretStore>): Item {
  return JSON.parse(secrets.items.get(`${SERVICE}\u0000${VAULT_KEY_ACCOUNT}`) ?? 'null') as Item;
}

/** The generation the keychain recorded for the fixture's one vault. */
function recorded(): number | undefined {
  return Object.values(itemOf(fx.secrets).vaults)[0]?.generation;
}

async function copyAside(home: string): Promise<string> {
  const aside = join(home, 'vault.aside.json');
  await copyFile(vaultFilePath(home), aside);
  return aside;
}

function custodyAt(home: string): Custody {
  return new Custody({
    location: { home, keychainService: SERVICE },
    secrets: fx.secrets,
    clock: () => fx.clock.now,
    user: 'officer',
    scrypt: TEST_SCRYPT,
  });
}

describe('R17: the keychain records the content generation of each vault id', () => {
  it('moves on changes to workflows, keys, settings and the passphrase, never on audit-only writes', async () => {
    expect(recorded()).toBe(0);
    await fx.custody.addWorkflow({ id: WF });
    const { value } = await fx.custody.addKey(WF);
    await fx.custody.updateSettings({ idleMinutes: 20 });
    expect(recorded()).toBe(3);

    // Audit-only: a decrypt that sets a last-matched time, an encrypt, a copy, a lock and an unlock, an export.
    const { payload } = await fx.custody.encrypt(WF, Buffer.from('{}'));
    expect(await fx.custody.decrypt([{ source: 'capture', text: payload }], { mode: 'any' })).toMatchObject([{ ok: true }]);
    const [key] = await fx.custody.listKeys(WF);
    expect(key?.lastMatchedAt).not.toBeNull();
    await fx.custody.recordKeyCopy(WF, key?.id ?? '', Buffer.from(value, 'base64'));
    await fx.custody.recordLockEvent('vault.lock', 'command');
    await fx.custody.recordLockEvent('vault.unlock', 'keychain');
    expect(recorded()).toBe(3);

    await fx.custody.setPassphrase('correct horse battery staple');
    expect(recorded()).toBe(4);
  });

  it('an audit repair after a crash does not move it', async () => {
    await fx.custody.addWorkflow({ id: WF });
    const before = recorded();
    // The crash between the vault write and the audit append: the log lost its last line.
    const log = auditFilePath(fx.home);
    const { readFile, writeFile } = await import('node:fs/promises');
    const lines = (await readFile(log, 'utf8')).trimEnd().split('\n');
    await writeFile(log, `${lines.slice(0, -1).join('\n')}\n`);
    await fx.another().addKey(WF);
    const actions = (await fx.custody.auditEntries()).map((e) => e.action);
    expect(actions).toContain('audit.repaired');
    expect(recorded()).toBe((before ?? 0) + 1);
  });

  it('keeps two vaults on one keychain service apart', async () => {
    const otherHome = await mkdtemp(join(tmpdir(), 'custody-unit-other-'));
    try {
      const other = custodyAt(otherHome);
      await other.init();
      await other.addWorkflow({ id: WF });
      await other.addWorkflow({ id: 'onM2MTokenGeneration' });
      expect(Object.values(itemOf(fx.secrets).vaults).map((v) => v.generation)).toEqual([0, 2]);
      // Each opens against its own record; a rollback of one does not touch the other.
      const aside = await copyAside(otherHome);
      await other.removeWorkflow('onM2MTokenGeneration');
      await copyFile(aside, vaultFilePath(otherHome));
      await expect(custodyAt(otherHome).listWorkflows()).rejects.toMatchObject({ code: 'VAULT_ROLLED_BACK' });
      expect(await fx.another().listWorkflows()).toEqual([]);
    } finally {
      await rm(otherHome, { recursive: true, force: true });
    }
  });

  it('migrates an item of the first format (the bare secret) once, keeping the secret', async () => {
    await fx.custody.addWorkflow({ id: WF });
    const { secret } = itemOf(fx.secrets);
    fx.secrets.items.set(`${SERVICE}\u0000${VAULT_KEY_ACCOUNT}`, secret);
    let writes = 0;
    const set = fx.secrets.set.bind(fx.secrets);
    fx.secrets.set = async (service, account, value) => {
      writes += 1;
      await set(service, account, value);
    };
    expect((await fx.another().listWorkflows()).map((w) => w.id)).toEqual([WF]);
    const migrated = itemOf(fx.secrets);
    expect(migrated.secret).toBe(secret);
    expect(Object.values(migrated.vaults)).toEqual([expect.objectContaining({ generation: 1 })]);
    const afterMigration = writes;
    await fx.another().listWorkflows();
    await fx.another().listWorkflows();
    expect(writes).toBe(afterMigration);
  });

  it('repairs a record left behind by a crash between the file write and the keychain write', async () => {
    await fx.custody.addWorkflow({ id: WF });
    await fx.custody.addWorkflow({ id: 'onM2MTokenGeneration' });
    const item = itemOf(fx.secrets);
    const [vaultId = ''] = Object.keys(item.vaults);
    const behind = { ...item, vaults: { [vaultId]: { ...item.vaults[vaultId], generation: 1 } } } as Item;
    fx.secrets.items.set(`${SERVICE}\u0000${VAULT_KEY_ACCOUNT}`, serializeItem(behind));
    expect(await fx.another().listWorkflows()).toHaveLength(2);
    expect(recorded()).toBe(2);
  });

  it('an item stays under the Windows Credential Manager cap with every vault it records', () => {
    const vaults = Object.fromEntries(
      Array.from({ length: MAX_RECORDED_VAULTS + 5 }, (_, i) => [
        i.toString(16).padStart(16, 'f'),
        { generation: Number.MAX_SAFE_INTEGER, home: 'f'.repeat(16) },
      ]),
    );
    const text = serializeItem({ secret: Buffer.alloc(32, 1).toString('base64'), vaults });
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(2560);
    expect(Object.keys((JSON.parse(text) as Item).vaults)).toHaveLength(MAX_RECORDED_VAULTS);
  });
});

describe('R17: an older vault file is VAULT_ROLLED_BACK until accepted', () => {
  it('refuses the older file, says what to do, and changes nothing', async () => {
    await fx.custody.addWorkflow({ id: WF });
    const aside = await copyAside(fx.home);
    await fx.custody.addKey(WF);
    await copyFile(aside, vaultFilePath(fx.home));
    const opening = fx.another().listWorkflows();
    await expect(opening).rejects.toMatchObject({ code: 'VAULT_ROLLED_BACK' });
    await expect(opening).rejects.toThrow(/custody recover --accept-rollback/);
    await expect(fx.another().addWorkflow({ id: 'onM2MTokenGeneration' })).rejects.toMatchObject({
      code: 'VAULT_ROLLED_BACK',
    });
    expect(await fx.another().status()).toMatchObject({ state: 'unavailable', error: { code: 'VAULT_ROLLED_BACK' } });
    // The app's own handle, which wrote the newer file, sees it too once the file changes under it.
    await expect(fx.custody.listKeys(WF)).rejects.toMatchObject({ code: 'VAULT_ROLLED_BACK' });
    expect(recorded()).toBe(2);
  });

  it('accepting it is audited with both generations, the audit log verifies, and the newer copy is then the older one', async () => {
    await fx.custody.addWorkflow({ id: WF });
    const aside = await copyAside(fx.home);
    await fx.custody.addKey(WF);
    const newer = join(fx.home, 'vault.newer.json');
    await copyFile(vaultFilePath(fx.home), newer);
    await copyFile(aside, vaultFilePath(fx.home));

    const recovering = fx.another();
    expect(await recovering.acceptRollback()).toEqual({ acceptedGeneration: 1, recordedGeneration: 2 });
    expect(await recovering.listKeys(WF)).toEqual([]);
    expect(await recovering.verifyAudit()).toMatchObject({ ok: true });
    const last = (await recovering.auditEntries()).at(-1);
    expect(last).toMatchObject({ action: 'vault.acceptRollback', details: { acceptedGeneration: 1, recordedGeneration: 2 } });
    // The log kept the undone change.
    expect((await recovering.auditEntries()).map((e) => e.action)).toContain('key.add');
    expect(recorded()).toBe(3);

    await copyFile(newer, vaultFilePath(fx.home));
    await expect(fx.another().listWorkflows()).rejects.toMatchObject({ code: 'VAULT_ROLLED_BACK' });
  });

  it('a vault with a passphrase unlocks, even after wrong tries, then says VAULT_ROLLED_BACK and can be accepted', async () => {
    const PASSPHRASE = 'correct horse battery staple';
    await fx.custody.setPassphrase(PASSPHRASE);
    const aside = await copyAside(fx.home);
    await fx.custody.addWorkflow({ id: WF });
    await copyFile(aside, vaultFilePath(fx.home));

    const app = fx.another();
    expect(await app.status()).toMatchObject({ state: 'locked' });
    await expect(app.unlock('not the passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await app.unlock(PASSPHRASE);
    expect(await app.status()).toMatchObject({ state: 'unavailable', error: { code: 'VAULT_ROLLED_BACK' } });
    expect(await app.acceptRollback()).toEqual({ acceptedGeneration: 1, recordedGeneration: 2 });
    expect(await app.listWorkflows()).toEqual([]);
    expect(await app.verifyAudit()).toMatchObject({ ok: true });
  });

  it('refuses to accept a vault that is not older, changing nothing', async () => {
    await fx.custody.addWorkflow({ id: WF });
    await expect(fx.another().acceptRollback()).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(recorded()).toBe(1);
  });
});

describe('R17: a keychain item without its vault file is VAULT_MISSING, never a new empty vault', () => {
  it('every open and init refuse; init --new discards the old key, says so, and starts a vault whose audit verifies', async () => {
    await fx.custody.addWorkflow({ id: WF });
    const [oldId = ''] = Object.keys(itemOf(fx.secrets).vaults);
    const oldSecret = itemOf(fx.secrets).secret;
    await unlink(vaultFilePath(fx.home));

    await expect(fx.another().listWorkflows()).rejects.toMatchObject({ code: 'VAULT_MISSING' });
    await expect(fx.another().init()).rejects.toMatchObject({ code: 'VAULT_MISSING' });
    expect(await fx.another().status()).toMatchObject({ state: 'unavailable', error: { code: 'VAULT_MISSING' } });

    const report = await fx.another().startNewVault();
    expect(report.discarded).toEqual({ vaults: [{ vaultId: oldId, generation: 1 }], othersKept: 0 });
    expect(report.secretReplaced).toBe(true);
    expect(report.auditLogSetAside).toMatch(/audit\.discarded-.*\.jsonl$/);
    expect(itemOf(fx.secrets).secret).not.toBe(oldSecret);
    expect(Object.keys(itemOf(fx.secrets).vaults)).not.toContain(oldId);

    const fresh = fx.another();
    expect(await fresh.listWorkflows()).toEqual([]);
    expect(await fresh.verifyAudit()).toMatchObject({ ok: true, entries: 1 });
    expect((await readdir(fx.home)).filter((name) => name.startsWith('audit.discarded-'))).toHaveLength(1);
  });

  it('init --new keeps the keychain secret while another folder’s vault still needs it', async () => {
    const otherHome = await mkdtemp(join(tmpdir(), 'custody-unit-other-'));
    try {
      // A second folder on the same service is a new vault, not a missing one.
      await custodyAt(otherHome).init();
      await custodyAt(otherHome).addWorkflow({ id: WF });
      await unlink(vaultFilePath(fx.home));
      const report = await fx.another().startNewVault();
      expect(report).toMatchObject({ secretReplaced: false, discarded: { othersKept: 1 } });
      expect((await custodyAt(otherHome).listWorkflows()).map((w) => w.id)).toEqual([WF]);
    } finally {
      await rm(otherHome, { recursive: true, force: true });
    }
  });

  it('an item of the first format with no vault file is VAULT_MISSING too', async () => {
    const { secret } = itemOf(fx.secrets);
    fx.secrets.items.set(`${SERVICE}\u0000${VAULT_KEY_ACCOUNT}`, secret);
    await unlink(vaultFilePath(fx.home));
    await expect(fx.another().init()).rejects.toMatchObject({ code: 'VAULT_MISSING' });
  });
});
