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

  it('the last two entries removed (a crash loses at most the one the vault still holds)', async () => {
    const lines = await logLines();
    await write(lines.slice(0, -2));
    expect(await fx.another().verifyAudit()).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('an edited entry in the middle, even when a crash also tore the last line', async () => {
    const lines = await logLines();
    lines[1] = itemAt(lines, 1).replace('"user":"officer"', '"user":"mallory"');
    const last = itemAt(lines, 3);
    await writeFile(auditFilePath(fx.home), `${lines.slice(0, 3).join('\n')}\n${last.slice(0, 30)}`);
    expect(await fx.another().verifyAudit()).toMatchObject({ ok: false, firstBadSeq: 2 });
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

describe('a crash during a change is repaired, not reported as tampering', () => {
  async function changed(): Promise<string[]> {
    await fx.custody.addWorkflow({ id: 'wf' });
    await fx.custody.addKey('wf');
    return (await readFile(auditFilePath(fx.home), 'utf8')).trim().split('\n');
  }
  const auditLines = async () => (await readFile(auditFilePath(fx.home), 'utf8')).split('\n');
  const lastEntry = async () => (await fx.another().auditEntries()).at(-1);

  it('the vault was written but its audit line never landed: the entry is copied back, with an entry saying so', async () => {
    const lines = await changed();
    await writeFile(auditFilePath(fx.home), `${lines.slice(0, -1).join('\n')}\n`);
    expect(await fx.another().verifyAudit()).toEqual({ ok: true, entries: 4, problem: null, firstBadSeq: null });
    expect(await lastEntry()).toMatchObject({ seq: 4, action: 'audit.repaired', details: { tornBytes: 0, restoredSeq: 3 } });
    expect((await auditLines()).slice(0, 3)).toEqual(lines);
  });

  it('a torn last line (cut mid-append, no line break) is cut off and the entry restored from the vault', async () => {
    const lines = await changed();
    const torn = itemAt(lines, 2).slice(0, 57);
    await writeFile(auditFilePath(fx.home), `${lines.slice(0, -1).join('\n')}\n${torn}`);
    expect(await fx.another().verifyAudit()).toMatchObject({ ok: true, entries: 4 });
    expect(await lastEntry()).toMatchObject({ action: 'audit.repaired', details: { tornBytes: 57, restoredSeq: 3 } });
  });

  it('a torn fragment after a complete log is cut off; the next change is appended on a line of its own', async () => {
    const lines = await changed();
    await writeFile(auditFilePath(fx.home), `${lines.join('\n')}\n{"seq":4,"ti`);
    await fx.another().addWorkflow({ id: 'next' });
    expect(await fx.another().verifyAudit()).toMatchObject({ ok: true, entries: 5 });
    const actions = (await fx.another().auditEntries()).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['audit.repaired', 'workflow.add']);
    expect((await fx.another().auditEntries()).at(-2)?.details).toEqual({ tornBytes: 12, restoredSeq: null });
    for (const line of (await auditLines()).filter((l) => l !== '')) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('a crash right after creating the vault (no audit log yet) is repaired the same way', async () => {
    await writeFile(auditFilePath(fx.home), '');
    expect(await fx.another().verifyAudit()).toMatchObject({ ok: true, entries: 2 });
  });

  it('a verified log is left as it is: opening it again changes nothing', async () => {
    await changed();
    const before = await readFile(auditFilePath(fx.home));
    expect(await fx.another().verifyAudit()).toMatchObject({ ok: true, entries: 3 });
    expect(await readFile(auditFilePath(fx.home))).toEqual(before);
  });
});
