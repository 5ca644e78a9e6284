import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Custody } from '../../electron/custody/custody';
import { type CoreFixture, createCoreFixture } from '../support/core-fixture';
import { fingerprintOfValue } from '../support/key-values';
import { parseKey } from '../../electron/custody/key-material';

let fx: CoreFixture;
let custody: Custody;
beforeEach(async () => {
  fx = await createCoreFixture();
  custody = fx.custody;
});
afterEach(() => fx.cleanup());

const DAY = 24 * 60 * 60 * 1000;
const KEY_A = 'xfraESl2NR3TfPcFl1T+frNXLOrCdbGQ6EVS7aWpPlI=';
const KEY_B = 'cEBM7w6rNWNYxdnXjCTXDAuJ/2L+VskLs8xnJOOKMQA=';

function activeCount(keys: { status: string }[]): number {
  return keys.filter((k) => k.status === 'active').length;
}

describe('R1 workflows', () => {
  it('adds a workflow with a Kinde id, a display name and a 90-day rotation by default', async () => {
    const w = await custody.addWorkflow({ id: 'onUserTokenGeneration', name: 'Token generation' });
    expect(w).toMatchObject({ id: 'onUserTokenGeneration', name: 'Token generation', rotationDays: 90, keyCount: 0 });
  });

  it('refuses a second workflow with the same id (ALREADY_EXISTS)', async () => {
    await custody.addWorkflow({ id: 'wf' });
    await expect(custody.addWorkflow({ id: 'wf' })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('refuses to remove a workflow that holds an active key (WORKFLOW_HAS_ACTIVE_KEY)', async () => {
    await custody.addWorkflow({ id: 'wf' });
    await custody.addKey('wf');
    await expect(custody.removeWorkflow('wf')).rejects.toMatchObject({ code: 'WORKFLOW_HAS_ACTIVE_KEY' });
    expect(await custody.listWorkflows()).toHaveLength(1);
  });

  it('removes a workflow with only inactive keys, and its keys with it', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const { key } = await custody.addKey('wf');
    await custody.deactivateKey('wf', key.id);
    expect(await custody.removeWorkflow('wf')).toEqual({ deletedKeys: 1 });
    expect(await custody.listWorkflows()).toEqual([]);
  });
});

describe('R2 key records', () => {
  it('records id, label, status, origin, times and an 8-byte SHA-256 fingerprint, never the material', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const imported = await custody.importKey('wf', KEY_A, { label: 'from dashboard' });
    expect(imported).toMatchObject({
      label: 'from dashboard',
      status: 'active',
      origin: 'imported',
      fingerprint: fingerprintOfValue(KEY_A),
      createdAt: '2026-01-01T00:00:00.000Z',
      activatedAt: '2026-01-01T00:00:00.000Z',
      deactivatedAt: null,
      lastMatchedAt: null,
    });
    expect(imported.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const listed = JSON.stringify(await custody.listKeys('wf'));
    expect(listed).not.toContain(KEY_A);
    expect(listed).not.toContain('material');
  });
});

describe('R3 at most one active key', () => {
  it('holds after every operation of a rotation sequence', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const first = await custody.addKey('wf');
    const second = await custody.addKey('wf');
    const third = await custody.importKey('wf', KEY_B);
    for (const step of [
      () => custody.activateKey('wf', second.key.id),
      () => custody.activateKey('wf', third.id),
      () => custody.deactivateKey('wf', third.id),
      () => custody.activateKey('wf', first.key.id),
      () => custody.deleteKey('wf', second.key.id),
    ]) {
      await step();
      expect(activeCount(await custody.listKeys('wf'))).toBeLessThanOrEqual(1);
    }
  });
});

describe('R4 add', () => {
  it('makes the first key active and returns its 32-byte value exactly once', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const revealed = await custody.addKey('wf', { label: 'v1' });
    expect(revealed.key.status).toBe('active');
    // 32 bytes, written as standard padded base64.
    expect(revealed.value).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(fingerprintOfValue(revealed.value)).toBe(revealed.key.fingerprint);
    const everythingElse = JSON.stringify([
      await custody.listKeys('wf'),
      await custody.listWorkflows(),
      await custody.auditEntries(),
      await custody.verifyAudit(),
      await custody.status(),
    ]);
    expect(everythingElse).not.toContain(revealed.value);
  });

  it('leaves a key added to a workflow that has keys inactive', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const first = await custody.addKey('wf');
    const second = await custody.addKey('wf');
    expect(second.key.status).toBe('inactive');
    expect((await custody.getWorkflow('wf')).activeKeyId).toBe(first.key.id);
  });

  it('gives every key fresh random bytes', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const values = new Set<string>();
    for (let i = 0; i < 5; i++) values.add((await custody.addKey('wf')).value);
    expect(values.size).toBe(5);
  });
});

describe('R5 import', () => {
  it.each([
    ['base64 with surrounding white space', `  ${KEY_A}\n`],
    ['base64url without padding', Buffer.from(KEY_A, 'base64').toString('base64url')],
  ])('accepts %s', async (_what, text) => {
    await custody.addWorkflow({ id: 'wf' });
    expect((await custody.importKey('wf', text)).fingerprint).toBe(fingerprintOfValue(KEY_A));
  });

  it('makes an import into an empty workflow active and any later one inactive', async () => {
    await custody.addWorkflow({ id: 'wf' });
    expect((await custody.importKey('wf', KEY_A)).status).toBe('active');
    expect((await custody.importKey('wf', KEY_B)).status).toBe('inactive');
  });

  it('refuses a key value already in the vault, in any workflow (DUPLICATE_KEY)', async () => {
    await custody.addWorkflow({ id: 'one' });
    await custody.addWorkflow({ id: 'two' });
    await custody.importKey('one', KEY_A);
    await expect(custody.importKey('two', `${Buffer.from(KEY_A, 'base64').toString('base64url')}`)).rejects.toMatchObject({
      code: 'DUPLICATE_KEY',
    });
    expect(await custody.listKeys('two')).toEqual([]);
  });

  it('names the key already in the vault by its label and spaced fingerprint, never by its internal id', async () => {
    await custody.addWorkflow({ id: 'one' });
    const existing = await custody.importKey('one', KEY_A, { label: 'Production 2026' });
    const refusal = await custody.importKey('one', KEY_A).catch((error: unknown) => error);
    const spaced = fingerprintOfValue(KEY_A).replace(/(.{4})(?=.)/g, '$1 ');
    expect(refusal).toMatchObject({ code: 'DUPLICATE_KEY' });
    const { message } = refusal as Error;
    expect(message).toContain(`“Production 2026” (fingerprint ${spaced})`);
    expect(message).not.toContain(existing.id);
    expect(message).not.toMatch(/\bk_[0-9a-f]/);
  });

  it.each([
    ['16 bytes', Buffer.alloc(16, 1).toString('base64')],
    ['not base64', 'not a key at all!'],
    ['empty', '   '],
  ])('refuses %s as INVALID_KEY without echoing it', async (_what, text) => {
    await custody.addWorkflow({ id: 'wf' });
    const error = await custody.importKey('wf', text).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_KEY' });
    if (text.trim()) expect((error as Error).message).not.toContain(text.trim());
  });
});

describe('R6 activate', () => {
  it('activates an inactive key and deactivates the previous one in the same write', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const first = await custody.addKey('wf');
    const second = await custody.addKey('wf');
    fx.clock.now = new Date('2026-02-01T00:00:00Z');
    await custody.activateKey('wf', second.key.id);
    const fromDisk = await fx.another().listKeys('wf');
    expect(fromDisk.find((k) => k.id === second.key.id)).toMatchObject({
      status: 'active',
      activatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(fromDisk.find((k) => k.id === first.key.id)).toMatchObject({
      status: 'inactive',
      deactivatedAt: '2026-02-01T00:00:00.000Z',
    });
    const audit = await custody.auditEntries();
    expect(audit.at(-1)).toMatchObject({
      action: 'key.activate',
      keyId: second.key.id,
      details: { previousKeyId: first.key.id },
    });
  });

  it('activating the already-active key is refused and changes nothing', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const first = await custody.addKey('wf');
    await expect(custody.activateKey('wf', first.key.id)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('R7 deactivate', () => {
  it('leaves the workflow with no active key, flagged "No active key"', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const first = await custody.addKey('wf');
    await custody.deactivateKey('wf', first.key.id);
    expect(await custody.getWorkflow('wf')).toMatchObject({ noActiveKey: true, activeKeyId: null });
  });
});

describe('R8 delete', () => {
  it('refuses to delete the active key (ACTIVE_KEY_DELETE_REFUSED)', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const first = await custody.addKey('wf');
    await expect(custody.deleteKey('wf', first.key.id)).rejects.toMatchObject({ code: 'ACTIVE_KEY_DELETE_REFUSED' });
    expect(await custody.listKeys('wf')).toHaveLength(1);
  });

  it('deletes an inactive key (waiting period 0, R13); the audit log keeps its id and fingerprint', async () => {
    await custody.updateSettings({ deletionWaitDays: 0 });
    await custody.addWorkflow({ id: 'wf' });
    await custody.addKey('wf');
    const second = await custody.addKey('wf');
    await custody.deleteKey('wf', second.key.id);
    expect((await custody.listKeys('wf')).map((k) => k.id)).not.toContain(second.key.id);
    expect((await custody.auditEntries()).at(-1)).toMatchObject({
      action: 'key.delete',
      keyId: second.key.id,
      fingerprint: second.key.fingerprint,
    });
  });
});

describe('R10 decrypt order', () => {
  it('tries the active key first, then inactive keys newest first, and reports the match', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const oldest = await custody.addKey('wf');
    fx.clock.now = new Date('2026-01-02T00:00:00Z');
    const middle = await custody.addKey('wf');
    fx.clock.now = new Date('2026-01-03T00:00:00Z');
    const newest = await custody.addKey('wf');
    await custody.activateKey('wf', middle.key.id);
    const order = (await custody.candidates({ mode: 'workflow', workflowId: 'wf' })).map((c) => c.id);
    expect(order).toEqual([middle.key.id, newest.key.id, oldest.key.id]);

    const { payload } = await custody.encrypt('wf', Buffer.from('{"x":1}'));
    const [result] = await custody.decrypt([{ source: 'paste', text: payload }], { mode: 'workflow', workflowId: 'wf' });
    expect(result).toMatchObject({
      ok: true,
      layout: 'nonce-tag-ciphertext',
      key: { id: middle.key.id, status: 'active', index: 0 },
    });
  });

  it('in "any workflow" mode finds the key in another workflow, and updates "last matched" once per batch', async () => {
    await custody.addWorkflow({ id: 'one' });
    await custody.addWorkflow({ id: 'two' });
    await custody.addKey('one');
    const two = await custody.addKey('two');
    const { payload } = await custody.encrypt('two', Buffer.from('hello'));
    fx.clock.now = new Date('2026-03-01T00:00:00Z');
    const results = await custody.decrypt(
      [
        { source: 'a', text: payload },
        { source: 'b', text: payload },
        { source: 'c', text: 'garbage!' },
      ],
      { mode: 'any' },
    );
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[0]).toMatchObject({ key: { workflowId: 'two', id: two.key.id } });
    expect((await custody.listKeys('two'))[0]?.lastMatchedAt).toBe('2026-03-01T00:00:00.000Z');
    const batches = (await custody.auditEntries()).filter((e) => e.action === 'decrypt.batch');
    expect(batches).toHaveLength(1);
    expect(batches[0]?.details).toMatchObject({ items: 3, decrypted: 2, malformed: 1, keysMatched: 1, cancelled: false });
  });
});

describe('R11 audit', () => {
  it('appends every change with sequence, action, workflow, key, fingerprint and OS user, and verifies', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const { key, value } = await custody.addKey('wf');
    await custody.recordKeyCopy('wf', key.id, parseKey(value));
    const entries = await custody.auditEntries();
    expect(entries.map((e) => [e.seq, e.action])).toEqual([
      [1, 'vault.init'],
      [2, 'workflow.add'],
      [3, 'key.add'],
      [4, 'key.copy'],
    ]);
    expect(entries[2]).toMatchObject({ workflowId: 'wf', keyId: key.id, fingerprint: key.fingerprint, user: 'officer' });
    expect(await custody.verifyAudit()).toMatchObject({ ok: true, entries: 4 });
  });

  it('refuses to record a copy of a value that is not the key', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const { key } = await custody.addKey('wf');
    await expect(custody.recordKeyCopy('wf', key.id, parseKey(KEY_A))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('R4 discard a just-made key (the one exception to R8)', () => {
  it('deletes even the first, active key at once, audited as discarded before use', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const { key } = await custody.addKey('wf');
    expect(key.status).toBe('active');
    expect(await custody.discardNewKey('wf', key.id, key.fingerprint)).toMatchObject({ id: key.id });
    expect(await custody.listKeys('wf')).toEqual([]);
    expect((await custody.getWorkflow('wf')).noActiveKey).toBe(true);
    expect((await custody.auditEntries()).at(-1)).toMatchObject({
      action: 'key.discard',
      keyId: key.id,
      fingerprint: key.fingerprint,
      details: { status: 'active' },
    });
    expect(await custody.verifyAudit()).toMatchObject({ ok: true });
  });

  it('refuses another key’s fingerprint, and a key that has decrypted a payload, and deletes nothing', async () => {
    await custody.addWorkflow({ id: 'wf' });
    const { key } = await custody.addKey('wf');
    await expect(custody.discardNewKey('wf', key.id, fingerprintOfValue(KEY_A))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const { payload } = await custody.encrypt('wf', Buffer.from('{}'));
    await custody.decrypt([{ source: 'p', text: payload }], { mode: 'workflow', workflowId: 'wf' });
    await expect(custody.discardNewKey('wf', key.id, key.fingerprint)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await custody.listKeys('wf')).toHaveLength(1);
  });
});

describe('R12 rotation due', () => {
  it('flags a key active for longer than the rotation period, and not before', async () => {
    await custody.addWorkflow({ id: 'wf', rotationDays: 30 });
    await custody.addKey('wf');
    fx.clock.now = new Date(Date.parse('2026-01-01T00:00:00Z') + 30 * DAY);
    expect((await custody.getWorkflow('wf')).rotationDue).toBe(false);
    fx.clock.now = new Date(Date.parse('2026-01-01T00:00:00Z') + 30 * DAY + 1000);
    expect((await custody.getWorkflow('wf')).rotationDue).toBe(true);
  });

  it('clears after rotating to a new key, and follows a changed period', async () => {
    await custody.addWorkflow({ id: 'wf', rotationDays: 30 });
    await custody.addKey('wf');
    const next = await custody.addKey('wf');
    fx.clock.now = new Date(Date.parse('2026-01-01T00:00:00Z') + 31 * DAY);
    expect((await custody.getWorkflow('wf')).rotationDue).toBe(true);
    await custody.updateWorkflow('wf', { rotationDays: 60 });
    expect((await custody.getWorkflow('wf')).rotationDue).toBe(false);
    await custody.updateWorkflow('wf', { rotationDays: 30 });
    await custody.activateKey('wf', next.key.id);
    expect((await custody.getWorkflow('wf')).rotationDue).toBe(false);
  });
});

describe('R1 input checks in the core', () => {
  it.each([
    ['an id with a space', { id: 'bad id!' }],
    ['an empty id', { id: '' }],
    ['an id of 129 characters', { id: 'a'.repeat(129) }],
    ['a rotation of 0 days', { id: 'wf', rotationDays: 0 }],
  ])('refuses %s as INVALID_INPUT and leaves the vault openable', async (_what, input) => {
    await expect(custody.addWorkflow(input)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fx.another().listWorkflows()).toEqual([]);
  });

  it('refuses an invalid rotation period on update', async () => {
    await custody.addWorkflow({ id: 'wf' });
    await expect(custody.updateWorkflow('wf', { rotationDays: -3 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await fx.another().getWorkflow('wf')).rotationDays).toBe(90);
  });
});
