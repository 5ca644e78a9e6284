import { readFile, stat, writeFile } from 'node:fs/promises';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditFilePath, lockFilePath, vaultFilePath } from '../../electron/custody/custody-paths';
import type { VaultState } from '../../electron/custody/vault-state';
import { type CoreFixture, createCoreFixture } from '../support/core-fixture';
import { itemAt } from '../support/item-at';
import { fingerprintOfValue } from '../support/key-values';

let fx: CoreFixture;
beforeEach(async () => {
  fx = await createCoreFixture();
});
afterEach(() => fx.cleanup());

describe('vault file', () => {
  it('holds no key material in the clear, and is 0600 in a 0700 folder', async () => {
    await fx.custody.addWorkflow({ id: 'onUserTokenGeneration' });
    const { value } = await fx.custody.addKey('onUserTokenGeneration');
    const text = await readFile(vaultFilePath(fx.home), 'utf8');
    expect(text).not.toContain(value);
    expect(text).not.toContain(Buffer.from(value, 'base64').toString('hex'));
    expect(text).not.toContain('onUserTokenGeneration');
  });

  const unixModes = process.platform !== 'win32';
  if (!unixModes) console.log('skipped: file modes 0600/0700 (Windows has no Unix file modes)');

  it.skipIf(!unixModes)('is 0600 in a 0700 folder', async () => {
    await fx.custody.addWorkflow({ id: 'onUserTokenGeneration' });
    expect((await stat(vaultFilePath(fx.home))).mode & 0o777).toBe(0o600);
    expect((await stat(auditFilePath(fx.home))).mode & 0o777).toBe(0o600);
    expect((await stat(fx.home)).mode & 0o777).toBe(0o700);
  });

  it('opens a vault whose sealed content is in the stored format, with its workflows and keys as written', async () => {
    const material = Buffer.alloc(32, 7);
    // Spelled out field by field, as a vault on disk holds it: a reader that drops or renames a field fails here.
    const stored = JSON.parse(`{
      "workflows": [{
        "id": "onUserTokenGeneration", "name": "Token generation", "notes": "prod", "rotationDays": 30,
        "createdAt": "2025-06-01T00:00:00.000Z",
        "keys": [{
          "id": "k_00112233445566aa", "label": "Dashboard key", "status": "active", "origin": "imported",
          "fingerprint": "${fingerprintOfValue(material.toString('base64'))}", "createdAt": "2025-06-01T00:00:00.000Z",
          "activatedAt": "2025-06-01T00:00:00.000Z", "deactivatedAt": null, "lastMatchedAt": "2025-07-01T00:00:00.000Z",
          "material": "${material.toString('base64')}"
        }]
      }],
      "auditTail": null
    }`) as VaultState;
    // Sealed by the store as it seals every write; the reader below parses it back from the file.
    await fx.custody.store.transact((state) => ({
      state: { ...stored, settings: state.settings },
      event: { action: 'workflow.add', workflowId: 'onUserTokenGeneration', keyId: null, fingerprint: null, details: {} },
      result: undefined,
    }));

    const reader = fx.another();
    expect(await reader.listWorkflows()).toEqual([
      expect.objectContaining({
        id: 'onUserTokenGeneration',
        name: 'Token generation',
        notes: 'prod',
        rotationDays: 30,
        keyCount: 1,
      }),
    ]);
    expect(await reader.listKeys('onUserTokenGeneration')).toEqual([
      {
        id: 'k_00112233445566aa',
        workflowId: 'onUserTokenGeneration',
        label: 'Dashboard key',
        status: 'active',
        origin: 'imported',
        fingerprint: fingerprintOfValue(material.toString('base64')),
        createdAt: '2025-06-01T00:00:00.000Z',
        activatedAt: '2025-06-01T00:00:00.000Z',
        deactivatedAt: null,
        lastMatchedAt: '2025-07-01T00:00:00.000Z',
        // Written before R13: no deletion scheduled.
        deletionScheduledFor: null,
      },
    ]);
  });

  it('refuses a vault with one flipped byte as VAULT_CORRUPT, and writes nothing', async () => {
    await fx.custody.addWorkflow({ id: 'wf' });
    const path = vaultFilePath(fx.home);
    const bytes = await readFile(path);
    const sealedAt = bytes.indexOf('"sealed": "') + 20;
    bytes[sealedAt] = bytes[sealedAt] === 0x41 ? 0x42 : 0x41;
    await writeFile(path, bytes);
    const fresh = fx.another();
    await expect(fresh.listWorkflows()).rejects.toMatchObject({ code: 'VAULT_CORRUPT' });
    await expect(fresh.addWorkflow({ id: 'other' })).rejects.toMatchObject({ code: 'VAULT_CORRUPT' });
    expect(await readFile(path)).toEqual(bytes);
    expect(await fresh.status()).toMatchObject({ state: 'unavailable', error: { code: 'VAULT_CORRUPT' } });
  });

  it('never creates a fresh vault key over an existing vault (VAULT_KEY_MISSING)', async () => {
    const before = await readFile(vaultFilePath(fx.home));
    fx.secrets.items.clear();
    const fresh = fx.another();
    await expect(fresh.listWorkflows()).rejects.toMatchObject({ code: 'VAULT_KEY_MISSING' });
    await expect(fresh.init()).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(fx.secrets.items.size).toBe(0);
    expect(await readFile(vaultFilePath(fx.home))).toEqual(before);
  });

  it('fails with VAULT_BUSY when another writer holds the lock, and changes nothing', async () => {
    const release = await lockfile.lock(fx.home, { lockfilePath: lockFilePath(fx.home), realpath: false });
    const previous = process.env.CUSTODY_LOCK_WAIT_MS;
    process.env.CUSTODY_LOCK_WAIT_MS = '200';
    try {
      await expect(fx.another().addWorkflow({ id: 'wf' })).rejects.toMatchObject({ code: 'VAULT_BUSY' });
    } finally {
      process.env.CUSTODY_LOCK_WAIT_MS = previous;
      await release();
    }
    expect(await fx.custody.listWorkflows()).toEqual([]);
  });

  it('loses no update when two handles write at the same time', async () => {
    const a = fx.custody;
    const b = fx.another();
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).addWorkflow({ id: `wf-${i}` })));
    expect((await fx.another().listWorkflows()).map((w) => w.id).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `wf-${i}`).sort(),
    );
    expect(await a.verifyAudit()).toMatchObject({ ok: true, entries: 11 });
  });

  it('repairs an audit entry lost between the vault write and the log append (crash)', async () => {
    await fx.custody.addWorkflow({ id: 'wf' });
    const log = await readFile(auditFilePath(fx.home), 'utf8');
    const lines = log.trim().split('\n');
    await writeFile(auditFilePath(fx.home), `${lines.slice(0, -1).join('\n')}\n`);
    expect(await fx.custody.verifyAudit()).toMatchObject({ ok: false });
    await fx.custody.addWorkflow({ id: 'next' });
    expect(await fx.custody.verifyAudit()).toMatchObject({ ok: true, entries: 3 });
  });
});

describe('R11 audit chain detects tampering', () => {
  async function logLines(): Promise<string[]> {
    await fx.custody.addWorkflow({ id: 'wf' });
    await fx.custody.addKey('wf');
    await fx.custody.addKey('wf');
    return (await readFile(auditFilePath(fx.home), 'utf8')).trim().split('\n');
  }
  const write = (lines: string[]) => writeFile(auditFilePath(fx.home), `${lines.join('\n')}\n`);

  it('an edited entry', async () => {
    const lines = await logLines();
    lines[2] = itemAt(lines, 2).replace('"user":"officer"', '"user":"mallory"');
    await write(lines);
    expect(await fx.custody.verifyAudit()).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('a removed entry in the middle', async () => {
    const lines = await logLines();
    lines.splice(1, 1);
    await write(lines);
    expect(await fx.custody.verifyAudit()).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('a removed last entry', async () => {
    const lines = await logLines();
    await write(lines.slice(0, -1));
    expect(await fx.custody.verifyAudit()).toMatchObject({ ok: false });
  });

  it('reordered entries', async () => {
    const lines = await logLines();
    [lines[1], lines[2]] = [itemAt(lines, 2), itemAt(lines, 1)];
    await write(lines);
    expect(await fx.custody.verifyAudit()).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('an untouched log verifies', async () => {
    await logLines();
    expect(await fx.custody.verifyAudit()).toMatchObject({ ok: true, entries: 4, problem: null });
  });
});
