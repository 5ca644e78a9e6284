import { lstat, mkdir, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Custody } from '../../electron/custody/custody';
import { auditFilePath, vaultFilePath } from '../../electron/custody/custody-paths';
import { openBackup, sealBackup } from '../../electron/custody/backup-file';
import type { VaultState } from '../../electron/custody/vault-state';
import { type CoreFixture, TEST_SCRYPT, createCoreFixture } from '../support/core-fixture';
import { createMemorySecretStore } from '../support/memory-secret-store';

const PASS = 'backup passphrase one';
let fx: CoreFixture;
let newHome: string;
let backupPath: string;

beforeEach(async () => {
  fx = await createCoreFixture();
  await fx.custody.addWorkflow({ id: 'wf', name: 'Token generation' });
  await fx.custody.addKey('wf');
  await fx.custody.addKey('wf', { label: 'spare' });
  newHome = join(fx.home, 'other-machine');
  backupPath = join(fx.home, 'vault.backup');
});
afterEach(() => fx.cleanup());

/** Another machine: its own folder and its own (empty) keychain. */
function machine(home = newHome, secrets = createMemorySecretStore()): Custody {
  return new Custody({
    location: { home, keychainService: 'custody-unit-2' },
    secrets,
    clock: () => fx.clock.now,
    user: 'officer',
    scrypt: TEST_SCRYPT,
  });
}

async function filesOf(home: string): Promise<Record<string, Buffer>> {
  const names = await readdir(home).catch(() => [] as string[]);
  const out: Record<string, Buffer> = {};
  for (const name of names) {
    if ((await lstat(join(home, name))).isFile()) out[name] = await readFile(join(home, name));
  }
  return out;
}

/** A validly sealed backup of `mutate(state)`, as only someone holding the keys could make. */
async function forgedBackup(mutate: (state: VaultState) => VaultState, auditLog?: (log: string) => string): Promise<string> {
  return fx.custody.store.snapshot(async (snap, now) => ({
    state: snap.state,
    event: null,
    result: await sealBackup({
      ...snap,
      state: mutate(snap.state),
      auditLog: auditLog ? auditLog(snap.auditLog) : snap.auditLog,
      passphrase: PASS,
      params: TEST_SCRYPT,
      now,
    }),
  }));
}

describe('backup (R16)', () => {
  it('writes one 0600 file whose header says when, from which vault and how much, and audits it without secrets', async () => {
    const written = await fx.custody.backup(backupPath, PASS);
    expect(written).toMatchObject({ path: backupPath, workflows: 1, keys: 2 });
    expect((await stat(backupPath)).mode & 0o777).toBe(0o600);
    expect(await fx.custody.inspectBackup(backupPath)).toEqual({
      createdAt: written.createdAt,
      vaultId: written.vaultId,
      workflows: 1,
      keys: 2,
    });
    const last = (await fx.custody.auditEntries()).at(-1);
    expect(last).toMatchObject({ action: 'vault.backup', details: { file: backupPath, workflows: 1, keys: 2 } });
    expect(JSON.stringify(last)).not.toContain(PASS);
    expect(await readFile(backupPath, 'utf8')).not.toContain('Token generation');
  });

  it('refuses an existing file unless asked, and a symlink always; writes nothing then', async () => {
    await writeFile(backupPath, 'mine');
    await expect(fx.custody.backup(backupPath, PASS)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(await readFile(backupPath, 'utf8')).toBe('mine');
    await fx.custody.backup(backupPath, PASS, { overwrite: true });
    expect((await fx.custody.inspectBackup(backupPath)).keys).toBe(2);
    const target = join(fx.home, 'target.txt');
    await writeFile(target, 'target');
    const link = join(fx.home, 'link.backup');
    await symlink(target, link);
    await expect(fx.custody.backup(link, PASS, { overwrite: true })).rejects.toMatchObject({ code: 'UNSUPPORTED_INPUT' });
    await expect(fx.custody.backup(link, PASS)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(await readFile(target, 'utf8')).toBe('target');
  });

  it('refuses a backup passphrase the vault passphrase rules refuse', async () => {
    await expect(fx.custody.backup(backupPath, 'short')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(stat(backupPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('records the last backup, and says when keys changed since', async () => {
    expect(await fx.custody.backupStatus()).toEqual({ lastBackupAt: null, changedSinceBackup: true });
    await fx.custody.backup(backupPath, PASS);
    expect(await fx.custody.backupStatus()).toEqual({ lastBackupAt: fx.clock.now.toISOString(), changedSinceBackup: false });
    await fx.custody.updateSettings({ idleMinutes: 9 });
    expect((await fx.custody.backupStatus()).changedSinceBackup).toBe(false);
    await fx.custody.addKey('wf');
    expect((await fx.custody.backupStatus()).changedSinceBackup).toBe(true);
  });
});

describe('restore (R16)', () => {
  it('into an empty home with its own keychain: the same keys, settings and a verifying audit log with the restore entry', async () => {
    await fx.custody.updateSettings({ idleMinutes: 12 });
    const { payload } = await fx.custody.encrypt('wf', Buffer.from('hello'));
    const written = await fx.custody.backup(backupPath, PASS);
    const secrets = createMemorySecretStore();
    const there = machine(newHome, secrets);
    const done = await there.restore(backupPath, PASS);
    expect(done).toEqual({
      backup: { createdAt: written.createdAt, vaultId: written.vaultId, workflows: 1, keys: 2 },
      setAsideIn: null,
      purged: 0,
    });
    const fresh = machine(newHome, secrets);
    expect(await fresh.listKeys('wf')).toEqual(await fx.custody.listKeys('wf'));
    const [result] = await fresh.decrypt([{ source: 'p', text: payload }], { mode: 'any' });
    expect(result).toMatchObject({ ok: true, plaintext: { text: 'hello' } });
    expect(await fresh.settings()).toMatchObject({ idleMinutes: 12 });
    expect(await fresh.verifyAudit()).toMatchObject({ ok: true });
    const entries = await fresh.auditEntries();
    const restore = entries.find((e) => e.action === 'vault.restore');
    expect(restore?.details).toMatchObject({ backupMadeAt: written.createdAt, fromVaultId: written.vaultId });
    expect(await fresh.backupStatus()).toEqual({ lastBackupAt: written.createdAt, changedSinceBackup: false });
  });

  it('over an existing vault: first copies its files, byte for byte, into a dated folder beside them', async () => {
    await fx.custody.backup(backupPath, PASS);
    await fx.custody.addWorkflow({ id: 'later' });
    const before = await filesOf(fx.home);
    fx.clock.now = new Date('2026-12-05T07:12:00.123Z');
    const done = await fx.another().restore(backupPath, PASS);
    expect(done.setAsideIn).toBe(join(fx.home, 'before-restore-2026-12-05T07-12-00Z'));
    const aside = await filesOf(done.setAsideIn ?? '');
    expect(aside['vault.json']?.equals(before['vault.json'] ?? Buffer.alloc(0))).toBe(true);
    expect(aside['audit.jsonl']?.equals(before['audit.jsonl'] ?? Buffer.alloc(0))).toBe(true);
    const fresh = fx.another();
    expect((await fresh.listWorkflows()).map((w) => w.id)).toEqual(['wf']);
    expect(await fresh.verifyAudit()).toMatchObject({ ok: true });
    // The handle that made the backup follows the restored vault too.
    expect((await fx.custody.listWorkflows()).map((w) => w.id)).toEqual(['wf']);
  });

  it('works where the keychain item exists but vault.json is gone', async () => {
    await fx.custody.backup(backupPath, PASS);
    await rm(vaultFilePath(fx.home));
    await fx.another().restore(backupPath, PASS);
    expect(await fx.another().verifyAudit()).toMatchObject({ ok: true });
  });

  it('purges deletions already past their date right after, audited', async () => {
    const spare = (await fx.custody.listKeys('wf')).find((k) => k.status === 'inactive');
    await fx.custody.deleteKey('wf', spare?.id ?? '');
    await fx.custody.backup(backupPath, PASS);
    fx.clock.now = new Date(fx.clock.now.getTime() + 8 * 24 * 3600 * 1000);
    const there = machine();
    expect((await there.restore(backupPath, PASS)).purged).toBe(1);
    const actions = (await there.auditEntries()).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['vault.restore', 'key.purge']);
    expect(await there.verifyAudit()).toMatchObject({ ok: true });
  });

  describe('a bad backup is BACKUP_INVALID and changes nothing', () => {
    async function expectRefused(text: string | null, passphrase = PASS): Promise<void> {
      const path = join(fx.home, 'bad.backup');
      if (text !== null) await writeFile(path, text);
      const before = await filesOf(fx.home);
      await expect(fx.another().restore(path, passphrase)).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
      expect(await filesOf(fx.home)).toEqual(before);
      await expect(machine().restore(path, passphrase)).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
      await expect(stat(newHome)).rejects.toMatchObject({ code: 'ENOENT' });
    }

    it('a wrong passphrase', async () => {
      await fx.custody.backup(backupPath, PASS);
      await expectRefused(await readFile(backupPath, 'utf8'), 'not the passphrase');
    });

    it('every byte flipped, in header and body', async () => {
      await fx.custody.backup(backupPath, PASS);
      const good = await readFile(backupPath);
      for (let at = 0; at < good.length; at += 1) {
        // The low bit everywhere; the high bit (never valid in this ASCII file) every fifth byte.
        for (const mask of at % 5 === 0 ? [0x01, 0x80] : [0x01]) {
          const bad = Buffer.from(good);
          bad[at] = (bad[at] ?? 0) ^ mask;
          await expect(openBackup(bad.toString('utf8'), PASS), `byte ${at} ^ ${mask}`).rejects.toMatchObject({
            code: 'BACKUP_INVALID',
          });
        }
      }
      // And end to end at a few places (header fields, wrapped keys, body), comparing every file.
      for (const at of [5, 40, 80, 120, 200, 300, Math.floor(good.length / 2), good.length - 20]) {
        const bad = Buffer.from(good);
        bad[at] = (bad[at] ?? 0) ^ 0x01;
        await expectRefused(bad.toString('latin1'));
      }
    }, 120_000);

    it('truncated anywhere', async () => {
      await fx.custody.backup(backupPath, PASS);
      const good = await readFile(backupPath, 'utf8');
      for (let length = 0; length < good.length - 1; length += 3) {
        await expect(openBackup(good.slice(0, length), PASS), `length ${length}`).rejects.toMatchObject({
          code: 'BACKUP_INVALID',
        });
      }
      for (const length of [0, 10, 100, Math.floor(good.length / 2), good.length - 3]) await expectRefused(good.slice(0, length));
    }, 60_000);

    it('rules broken inside a validly sealed backup', async () => {
      const twoActive = (s: VaultState): VaultState => ({
        ...s,
        workflows: s.workflows.map((w) => ({
          ...w,
          keys: w.keys.map((k) => ({ ...k, status: 'active' as const, activatedAt: k.createdAt })),
        })),
      });
      const wrongFingerprint = (s: VaultState): VaultState => ({
        ...s,
        workflows: s.workflows.map((w) => ({ ...w, keys: w.keys.map((k) => ({ ...k, fingerprint: '0123456789abcdef' })) })),
      });
      const sameKeyTwice = (s: VaultState): VaultState => ({
        ...s,
        workflows: [...s.workflows, ...s.workflows.map((w) => ({ ...w, id: 'copy', keys: w.keys.slice(0, 1) }))],
      });
      const duplicateWorkflow = (s: VaultState): VaultState => ({
        ...s,
        workflows: [...s.workflows, { ...s.workflows[0]!, keys: [] }],
      });
      const controlInName = (s: VaultState): VaultState => ({
        ...s,
        workflows: s.workflows.map((w) => ({ ...w, name: 'evil\u202ename' })),
      });
      for (const mutate of [twoActive, wrongFingerprint, sameKeyTwice, duplicateWorkflow, controlInName]) {
        await expectRefused(await forgedBackup(mutate));
      }
    });

    it('an audit log that does not verify with the restored audit key', async () => {
      const edited = (log: string) => log.replace('"wf"', '"xx"');
      await expectRefused(await forgedBackup((s) => s, edited));
      const cut = (log: string) => log.split('\n').slice(1).join('\n');
      await expectRefused(await forgedBackup((s) => s, cut));
    });

    it('no file, a folder, or another kind of file', async () => {
      await expect(machine().restore(join(fx.home, 'missing'), PASS)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await mkdir(join(fx.home, 'folder.backup'));
      await expect(machine().restore(join(fx.home, 'folder.backup'), PASS)).rejects.toMatchObject({ code: 'UNSUPPORTED_INPUT' });
      await expectRefused(await readFile(vaultFilePath(fx.home), 'utf8'));
      await expectRefused(await readFile(auditFilePath(fx.home), 'utf8'));
    });
  });
});
