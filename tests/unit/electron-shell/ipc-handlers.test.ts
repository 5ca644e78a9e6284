import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHANNEL_NAMES,
  type ChannelName,
  MAX_DROPPED_PATHS,
  type RequestOf,
  type ResponseOf,
  type ResultBudget,
} from '../../../shared/contract';
import type { VaultStatus } from '../../../shared/domain';
import { Custody } from '../../../electron/custody/custody';
import { type BatchManager, createBatchManager } from '../../../electron/main/decrypt-batches';
import { dispatch } from '../../../electron/main/ipc-dispatch';
import type { EmitEvent } from '../../../electron/main/emit-event';
import { createHandlers } from '../../../electron/main/ipc-handlers';
import { createVaultSession } from '../../../electron/main/vault-session';
import { buildDecryptWorker } from '../../support/build-worker';
import { type CoreFixture, createCoreFixture } from '../../support/core-fixture';
import { itemAt } from '../../support/item-at';
import { fingerprintOfValue } from '../../support/key-values';
import { type FakeDesktop, type MainParts, fakeDesktop, fakeMainParts } from '../../support/fake-main-parts';
import type { RecordingClipboard } from '../../support/recording-clipboard';

const workerScript = buildDecryptWorker();

let clipboardPort: RecordingClipboard;
let parts: MainParts;

function mainParts(): MainParts {
  const made = fakeMainParts(desktop);
  clipboardPort = made.clipboardPort;
  return made.parts;
}

function copied(): string[] {
  return clipboardPort.writes.map((write) => write.text);
}

let core: CoreFixture;
let desktop: FakeDesktop;
let events: Array<{ name: string; payload: unknown }>;
let call: <C extends ChannelName>(channel: C, request: RequestOf<C>) => Promise<ResponseOf<C>>;
let scratch: string;
let batches: BatchManager;

/** The lock's parts of the handlers' dependencies, over `custody`. */
function sessionFor(custody: Custody, emit: EmitEvent = () => undefined) {
  return {
    session: createVaultSession({ custody, stopBatches: () => batches.stopAll(), emit }),
    noteActivity: () => undefined,
  };
}

/** Handlers over the fixture's custody, with the contract's batch limits unless a test gives its own. */
function connect(limits?: { shown: ResultBudget; kept: ResultBudget }): void {
  const emit: EmitEvent = (name, payload) => void events.push({ name, payload });
  batches = createBatchManager({ custody: core.custody, emit, workerScript, limits });
  const handlers = createHandlers({
    custody: core.custody,
    desktop,
    emit,
    startup: core.custody.status(),
    batches,
    ...parts,
    ...sessionFor(core.custody, emit),
  });
  call = async (channel, request) => {
    const answer = await dispatch(channel, request, handlers, { validateResponses: true });
    if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
    return answer.value as never;
  };
}

beforeEach(async () => {
  core = await createCoreFixture();
  desktop = fakeDesktop();
  parts = mainParts();
  events = [];
  scratch = await mkdtemp(join(tmpdir(), 'custody-handlers-'));
  connect();
});

afterEach(async () => {
  await batches.stopAll();
  await core.cleanup();
  await rm(scratch, { recursive: true, force: true });
});

describe('createHandlers', () => {
  it('has exactly one handler per contract channel', () => {
    const handlers = createHandlers({
      custody: core.custody,
      desktop,
      emit: () => undefined,
      startup: core.custody.status(),
      batches,
      ...parts,
      ...sessionFor(core.custody),
    });
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('runs the key lifecycle through the contract and pushes vault.changed after each change', async () => {
    await call('workflows.add', { id: 'onUserTokenGeneration' });
    const first = await call('keys.add', { workflowId: 'onUserTokenGeneration', label: 'first' });
    const second = await call('keys.add', { workflowId: 'onUserTokenGeneration' });
    expect(first.key.status).toBe('active');
    expect(second.key.status).toBe('inactive');

    await call('keys.activate', { workflowId: 'onUserTokenGeneration', keyId: second.key.id });
    const keys = await call('keys.list', { workflowId: 'onUserTokenGeneration' });
    expect(keys.map((k) => [k.id, k.status])).toEqual([
      [second.key.id, 'active'],
      [first.key.id, 'inactive'],
    ]);
    expect(events.filter((e) => e.name === 'vault.changed').map((e) => e.payload)).toEqual([
      { reason: 'workflows.add' },
      { reason: 'keys.add' },
      { reason: 'keys.add' },
      { reason: 'keys.activate' },
    ]);
  });

  it('refuses to delete the active key whatever the renderer sends (R8)', async () => {
    await call('workflows.add', { id: 'wf' });
    const { key } = await call('keys.add', { workflowId: 'wf' });
    await expect(call('keys.delete', { workflowId: 'wf', keyId: key.id })).rejects.toMatchObject({
      code: 'ACTIVE_KEY_DELETE_REFUSED',
    });
  });

  it('schedules a deletion and cancels it through the contract, and refuses to activate the key meanwhile (R13)', async () => {
    await call('workflows.add', { id: 'wf' });
    await call('keys.add', { workflowId: 'wf' });
    const { key } = await call('keys.add', { workflowId: 'wf' });
    expect(await call('settings.get', {})).toMatchObject({ deletionWaitDays: 7 });
    const scheduled = await call('keys.delete', { workflowId: 'wf', keyId: key.id });
    expect(scheduled.deletionScheduledFor).toBe('2026-01-08T00:00:00.000Z');
    await expect(call('keys.activate', { workflowId: 'wf', keyId: key.id })).rejects.toMatchObject({
      code: 'KEY_DELETION_SCHEDULED',
    });
    expect((await call('keys.cancelDeletion', { workflowId: 'wf', keyId: key.id })).deletionScheduledFor).toBeNull();
    await expect(call('keys.cancelDeletion', { workflowId: 'wf', keyId: 'not-a-key-id' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(events.filter((e) => e.name === 'vault.changed').map((e) => e.payload)).toContainEqual({
      reason: 'keys.cancelDeletion',
    });
  });

  it('answers keys.add with the key and a reveal handle, never its value; the value comes by handle only (R14)', async () => {
    await call('workflows.add', { id: 'wf' });
    const added = await call('keys.add', { workflowId: 'wf' });
    expect(Object.keys(added).sort()).toEqual(['handle', 'key']);
    const { value } = await call('reveal.value', { handle: added.handle });
    expect(fingerprintOfValue(value)).toBe(added.key.fingerprint);
    expect(JSON.stringify(added)).not.toContain(value);
    await expect(call('reveal.value', { handle: `rh_${'0'.repeat(32)}` })).rejects.toMatchObject({ code: 'REVEAL_EXPIRED' });
  });

  it('copies a revealed key by its handle any number of times, concealed, audited each time, and not after close', async () => {
    await call('workflows.add', { id: 'wf' });
    const { key, handle } = await call('keys.add', { workflowId: 'wf' });
    const { value } = await call('reveal.value', { handle });
    expect(desktop.contentProtection).toEqual([true]);

    expect(await call('reveal.copy', { handle })).toEqual({ clearsInSeconds: 30, clearsWithoutFocus: true });
    await call('reveal.copy', { handle });
    expect(copied()).toEqual([value, value]);
    expect(Object.keys(clipboardPort.current().formats)).toContain('x-kde-passwordManagerHint');
    const audit = await call('audit.list', {});
    expect(audit.slice(-2).map((e) => [e.action, e.keyId])).toEqual([
      ['key.copy', key.id],
      ['key.copy', key.id],
    ]);

    await call('reveal.close', { handle });
    expect(desktop.contentProtection).toEqual([true, false]);
    await expect(call('reveal.copy', { handle })).rejects.toMatchObject({ code: 'REVEAL_EXPIRED' });
    await expect(call('reveal.value', { handle })).rejects.toMatchObject({ code: 'REVEAL_EXPIRED' });
    expect(copied()).toHaveLength(2);
  });

  it('discards a just-made active key by its handle, audited as discarded before use, and never after close (R4)', async () => {
    await call('workflows.add', { id: 'wf' });
    const first = await call('keys.add', { workflowId: 'wf' });
    expect(first.key.status).toBe('active');
    expect(await call('reveal.discard', { handle: first.handle })).toMatchObject({ id: first.key.id, status: 'active' });
    expect(await call('keys.list', { workflowId: 'wf' })).toEqual([]);
    expect((await call('audit.list', {})).at(-1)).toMatchObject({
      action: 'key.discard',
      keyId: first.key.id,
      fingerprint: first.key.fingerprint,
    });
    await expect(call('reveal.discard', { handle: first.handle })).rejects.toMatchObject({ code: 'REVEAL_EXPIRED' });

    const second = await call('keys.add', { workflowId: 'wf' });
    await call('reveal.close', { handle: second.handle });
    await expect(call('reveal.discard', { handle: second.handle })).rejects.toMatchObject({ code: 'REVEAL_EXPIRED' });
    expect(await call('keys.list', { workflowId: 'wf' })).toHaveLength(1);
  });

  it('imports from the clipboard read in main, and clears the clipboard only if it still holds that key', async () => {
    await call('workflows.add', { id: 'wf' });
    const text = Buffer.alloc(32, 7).toString('base64');
    clipboardPort.userCopies(text);
    const imported = await call('keys.import', { workflowId: 'wf', fromClipboard: true, label: 'dashboard' });
    expect(imported.key).toMatchObject({ origin: 'imported', fingerprint: fingerprintOfValue(text), label: 'dashboard' });
    expect(clipboardPort.current().text).toBe('');

    clipboardPort.userCopies('not a key, and not ours to clear');
    await expect(call('keys.import', { workflowId: 'wf', fromClipboard: true })).rejects.toMatchObject({ code: 'INVALID_KEY' });
    expect(clipboardPort.current().text).toBe('not a key, and not ours to clear');

    clipboardPort.breaks();
    await expect(call('keys.import', { workflowId: 'wf', fromClipboard: true })).rejects.toMatchObject({
      code: 'CLIPBOARD_UNAVAILABLE',
    });
  });

  it('asks once before the first simulated payload and refuses to encrypt until Continue', async () => {
    await call('workflows.add', { id: 'wf' });
    await call('keys.add', { workflowId: 'wf' });
    await expect(call('payloads.encrypt', { workflowId: 'wf', plaintext: '{}' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    desktop.simulateAnswer = false;
    expect(await call('payloads.confirmSimulate', {})).toEqual({ confirmed: false });
    await expect(call('payloads.encrypt', { workflowId: 'wf', plaintext: '{}' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    desktop.simulateAnswer = true;
    expect(await call('payloads.confirmSimulate', {})).toEqual({ confirmed: true });
    expect(await call('payloads.confirmSimulate', {})).toEqual({ confirmed: true });
    expect(desktop.simulateQuestions).toBe(2);
    await call('payloads.encrypt', { workflowId: 'wf', plaintext: '{}' });

    parts.simulate.resetForLock();
    await expect(call('payloads.encrypt', { workflowId: 'wf', plaintext: '{}' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('imports, encrypts and decrypts through the contract', async () => {
    await call('workflows.add', { id: 'wf' });
    const imported = await call('keys.import', { workflowId: 'wf', value: Buffer.alloc(32, 7).toString('base64') });
    await call('payloads.confirmSimulate', {});
    const { payload } = await call('payloads.encrypt', { workflowId: 'wf', plaintext: '{"user":"ada"}' });
    const recorded = (await call('audit.list', {})).filter((e) => e.action === 'payload.encrypt');
    expect(recorded).toMatchObject([
      { workflowId: 'wf', keyId: imported.key.id, fingerprint: imported.key.fingerprint, details: { bytes: 14 } },
    ]);
    expect(JSON.stringify(recorded)).not.toContain('ada');
    const [result] = await call('payloads.decrypt', {
      payloads: [{ source: 'pasted', text: payload }],
      scope: { mode: 'workflow', workflowId: 'wf' },
    });
    expect(result).toMatchObject({ ok: true, layout: 'nonce-tag-ciphertext', key: { id: imported.key.id } });
  });

  it('gives receiver snippets for Node, .NET and Python with a placeholder where the key goes, never a key', async () => {
    await call('workflows.add', { id: 'wf' });
    const { handle } = await call('keys.add', { workflowId: 'wf' });
    const { value } = await call('reveal.value', { handle });
    const snippets = await call('payloads.snippets', {});
    expect(snippets.map((s) => s.language)).toEqual(['node', 'dotnet', 'python']);
    for (const snippet of snippets) {
      expect(snippet.code).toContain(snippet.keyPlaceholder);
      expect(snippet.code).toContain(snippet.entryPoint.split('.').at(-1));
      expect(snippet.code).not.toContain(value);
    }
  });

  it('copies only a payload it encrypted in this session, or a snippet it supplies, never text the page sends', async () => {
    await call('workflows.add', { id: 'wf' });
    const { handle } = await call('keys.add', { workflowId: 'wf' });
    const revealed = await call('reveal.value', { handle });
    await call('payloads.confirmSimulate', {});
    const { payload } = await call('payloads.encrypt', { workflowId: 'wf', plaintext: '{"user":"ada"}' });

    await expect(call('payloads.copy', { what: 'payload', payload: revealed.value })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(call('payloads.copy', { what: 'payload', payload: `${payload}x` })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(call('payloads.copy', { what: 'snippet', language: 'cobol' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(copied()).toEqual([]);

    // The payload is a secret (concealed, cleared later); the snippet is not.
    expect(await call('payloads.copy', { what: 'payload', payload })).toEqual({ clearsInSeconds: 30, clearsWithoutFocus: true });
    expect(Object.keys(clipboardPort.current().formats)).toContain('x-kde-passwordManagerHint');
    expect(await call('payloads.copy', { what: 'snippet', language: 'python' })).toBeNull();
    expect(clipboardPort.current().formats).toEqual({});
    const python = (await call('payloads.snippets', {})).find((s) => s.language === 'python');
    expect(copied()).toEqual([payload, python?.code]);
  });

  it('copies a decrypted body only when main decrypted it for the page, concealed like a key', async () => {
    await call('workflows.add', { id: 'wf' });
    await call('keys.add', { workflowId: 'wf' });
    await call('payloads.confirmSimulate', {});
    const { payload } = await call('payloads.encrypt', { workflowId: 'wf', plaintext: '{"email":"ada@example.com"}' });
    await expect(call('payloads.copy', { what: 'plaintext', text: '{"email":"ada@example.com"}' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await call('payloads.decrypt', { payloads: [{ source: 'pasted', text: payload }], scope: { mode: 'any' } });
    expect(await call('payloads.copy', { what: 'plaintext', text: '{"email":"ada@example.com"}' })).toEqual({
      clearsInSeconds: 30,
      clearsWithoutFocus: true,
    });
    expect(Object.keys(clipboardPort.current().formats)).toContain('x-kde-passwordManagerHint');
    await expect(call('payloads.copy', { what: 'plaintext', text: 'anything the page makes up' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('exports the audit log where the save dialog says, readable by this user only, or not at all when cancelled', async () => {
    await call('workflows.add', { id: 'wf' });
    expect(await call('audit.export', {})).toEqual({ path: null });

    desktop.exportPath = join(scratch, 'audit.jsonl');
    await writeFile(desktop.exportPath, 'an older file, readable by everyone\n', { mode: 0o644 });
    expect(await call('audit.export', {})).toEqual({ path: desktop.exportPath });
    expect((await stat(desktop.exportPath)).mode & 0o777).toBe(0o600);
    const lines = (await readFile(desktop.exportPath, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((entry) => entry.action)).toEqual(['vault.init', 'workflow.add']);
    expect((await call('audit.list', {})).at(-1)).toMatchObject({
      action: 'audit.export',
      details: { path: desktop.exportPath, entries: 2 },
    });

    desktop.exportPath = scratch;
    await expect(call('audit.export', {})).rejects.toMatchObject({
      code: 'UNSUPPORTED_INPUT',
      message: `${scratch} is a folder, not a regular file, so it was left untouched and nothing was written. Choose another file or folder.`,
    });
  });

  it('backs up where the save dialog says and restores only the file the open dialog chose (R16)', async () => {
    await call('workflows.add', { id: 'onUserTokenGeneration' });
    await call('keys.add', { workflowId: 'onUserTokenGeneration' });
    expect(await call('backup.status', {})).toEqual({ lastBackupAt: null, changedSinceBackup: true });
    desktop.exportPath = null;
    expect(await call('backup.create', { passphrase: 'backup passphrase' })).toEqual({ written: null });
    desktop.exportPath = join(scratch, 'vault.backup');
    const { written } = await call('backup.create', { passphrase: 'backup passphrase' });
    expect(written).toMatchObject({ path: desktop.exportPath, workflows: 1, keys: 1 });
    expect((await call('backup.status', {})).changedSinceBackup).toBe(false);

    await expect(call('backup.restore', { passphrase: 'backup passphrase' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    desktop.captureFiles = [];
    expect(await call('backup.chooseRestore', {})).toEqual({ backup: null });
    desktop.captureFiles = [desktop.exportPath];
    expect((await call('backup.chooseRestore', {})).backup).toMatchObject({ workflows: 1, keys: 1 });
    await expect(call('backup.restore', { passphrase: 'not the passphrase' })).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
    await call('workflows.add', { id: 'later' });
    const done = await call('backup.restore', { passphrase: 'backup passphrase' });
    expect(done.setAsideIn).toMatch(/before-restore-/);
    expect((await call('workflows.list', {})).map((w) => w.id)).toEqual(['onUserTokenGeneration']);
    expect(await call('audit.verify', {})).toMatchObject({ ok: true });
    expect(events.filter((e) => e.name === 'vault.changed').map((e) => e.payload)).toContainEqual({ reason: 'backup.restore' });
  });

  it('reports vault.init and pushes the new status', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'custody-fresh-'));
    const custody = new Custody({ location: { home: fresh, keychainService: 'custody-unit-fresh' }, secrets: core.secrets });
    const handlers = createHandlers({
      custody,
      desktop,
      emit: (name, payload) => void events.push({ name, payload }),
      startup: custody.status(),
      batches,
      ...parts,
      ...sessionFor(custody),
    });
    try {
      expect(await dispatch('vault.status', {}, handlers)).toEqual({ ok: true, value: { state: 'uninitialised', home: fresh } });
      expect(await dispatch('vault.init', {}, handlers)).toEqual({
        ok: true,
        value: { state: 'ready', home: fresh, passphraseSet: false },
      });
      expect(events).toContainEqual({ name: 'vault.status', payload: { state: 'ready', home: fresh, passphraseSet: false } });
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('reports a failed first start as the vault status until a vault exists', async () => {
    const failed: VaultStatus = { state: 'unavailable', home: core.home, error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'x' } };
    const fresh = await mkdtemp(join(tmpdir(), 'custody-fresh-'));
    const custody = new Custody({ location: { home: fresh, keychainService: 'custody-unit-fresh' }, secrets: core.secrets });
    const handlers = createHandlers({
      custody,
      desktop,
      emit: () => undefined,
      startup: Promise.resolve(failed),
      batches,
      ...parts,
      ...sessionFor(custody),
    });
    try {
      expect(await dispatch('vault.status', {}, handlers)).toEqual({ ok: true, value: failed });
      await dispatch('vault.init', {}, handlers);
      expect(await dispatch('vault.status', {}, handlers)).toEqual({
        ok: true,
        value: { state: 'ready', home: fresh, passphraseSet: false },
      });
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('makes every call wait for the start-up', async () => {
    let finish: (status: VaultStatus) => void = () => undefined;
    const startup = new Promise<VaultStatus>((resolve) => (finish = resolve));
    const handlers = createHandlers({
      custody: core.custody,
      desktop,
      emit: () => undefined,
      startup,
      batches,
      ...parts,
      ...sessionFor(core.custody),
    });
    let answered = false;
    const pending = dispatch('workflows.list', {}, handlers).then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    finish({ state: 'ready', home: core.home, passphraseSet: false });
    await pending;
    expect(answered).toBe(true);
  });
});

describe('decrypt batches through the contract', () => {
  async function finished(
    batchId: string,
  ): Promise<{ counts: Record<string, unknown>; cancelled: boolean; error: unknown; exportable: boolean }> {
    for (let i = 0; i < 500; i++) {
      const done = events.find((e) => e.name === 'batch.finished' && (e.payload as { batchId: string }).batchId === batchId);
      if (done) return done.payload as never;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the batch did not finish');
  }

  function shownResults(batchId: string): Array<{ ok: boolean; source: string; meta?: unknown }> {
    return events
      .filter((e) => e.name === 'batch.results' && (e.payload as { batchId: string }).batchId === batchId)
      .flatMap((e) => (e.payload as { results: Array<{ ok: boolean; source: string }> }).results);
  }

  async function sealedCaptures(count: number): Promise<string[]> {
    await call('payloads.confirmSimulate', {});
    const payloads: string[] = [];
    for (let i = 0; i < count; i++)
      payloads.push((await call('payloads.encrypt', { workflowId: 'wf', plaintext: `{"n":${i}}` })).payload);
    return payloads;
  }

  /** A batch of pasted captures named p0, p1, …, over every workflow's keys: its id. */
  async function startPasted(payloads: string[]): Promise<string> {
    const { batchId } = await call('batches.start', {
      scope: { mode: 'any' },
      input: { from: 'paste', payloads: payloads.map((text, i) => ({ source: `p${i}`, text })) },
    });
    return batchId;
  }

  beforeEach(async () => {
    await call('workflows.add', { id: 'wf' });
    await call('keys.add', { workflowId: 'wf' });
  });

  it('opens a HAR file in main, decrypts it on workers, and streams counts and results with URL and time', async () => {
    const payload = itemAt(await sealedCaptures(1), 0);
    const har = join(scratch, 'capture.har');
    const entry = (body: string) => ({
      startedDateTime: '2026-11-21T08:58:00Z',
      request: { method: 'POST', url: 'https://hooks.test/a', postData: { text: body } },
    });
    await writeFile(har, JSON.stringify({ log: { version: '1.2', entries: [entry(payload), entry('not base64!')] } }));
    desktop.captureFiles = [har];
    const { selection } = await call('batches.choose', { dialog: 'files' });
    expect(selection).toMatchObject({ kind: 'har', label: 'capture.har', files: 1, waitsForStart: false });
    expect(JSON.stringify(selection)).not.toContain(scratch);

    const { batchId } = await call('batches.start', {
      scope: { mode: 'workflow', workflowId: 'wf' },
      input: { from: 'selection', selectionId: selection!.id },
    });
    expect(await finished(batchId)).toMatchObject({
      cancelled: false,
      error: null,
      counts: { done: 2, decrypted: 1, malformed: 1 },
    });
    expect(shownResults(batchId)).toMatchObject([
      { ok: true, meta: { url: 'https://hooks.test/a', time: '2026-11-21T08:58:00Z' } },
      { ok: false },
    ]);
    expect((await call('audit.list', {})).filter((e) => e.action === 'decrypt.batch')).toHaveLength(1);
    // The HAR file's bytes are read once it is read whole; its body decrypted here may be copied.
    const size = (await stat(har)).size;
    expect(events.findLast((e) => e.name === 'batch.finished')?.payload).toMatchObject({ bytes: { read: size, total: size } });
    const [decrypted] = shownResults(batchId) as unknown as Array<{ plaintext: { text: string } }>;
    expect(await call('payloads.copy', { what: 'plaintext', text: decrypted!.plaintext.text })).toMatchObject({
      clearsInSeconds: 30,
    });
  });

  it('recognises each picked input by its content, not its name, and reads them in the order picked', async () => {
    const [payload] = await sealedCaptures(1);
    const har = join(scratch, 'recording.txt');
    await writeFile(har, JSON.stringify({ log: { entries: [{ request: { method: 'POST', postData: { text: payload } } }] } }));
    const lines = join(scratch, 'lines.txt');
    await writeFile(lines, `{"payload":"${payload}"}\n{"payload":"${payload}"}\n`);
    const single = join(scratch, 'capture.ndjson.bak');
    await writeFile(single, `  ${payload}\n`);
    const folder = join(scratch, 'folder');
    await mkdir(folder);
    await writeFile(join(folder, 'a.txt'), payload!);
    desktop.captureFiles = [har, lines, single, folder];
    const { selection } = await call('batches.choose', { dialog: 'any' });
    expect(selection).toMatchObject({ kind: 'mixed', label: '4 items', files: 4, waitsForStart: true });
    const started = await call('batches.start', {
      scope: { mode: 'any' },
      input: { from: 'selection', selectionId: selection!.id },
    });
    // NDJSON lines and HAR entries are counted as read; the bytes are known up front.
    expect(started.total).toBeNull();
    let bytes = 0;
    for (const file of [har, lines, single, join(folder, 'a.txt')]) bytes += (await stat(file)).size;
    expect(started.totalBytes).toBe(bytes);
    expect(await finished(started.batchId)).toMatchObject({
      counts: { done: 5, decrypted: 5 },
      bytes: { read: bytes, total: bytes },
    });
    expect(shownResults(started.batchId).map((r) => r.source)).toEqual([
      `${har}#1`,
      'lines.txt:1',
      'lines.txt:2',
      single,
      join(folder, 'a.txt'),
    ]);
  });

  it('walks dropped folders and files in main, as picked ones, with the bytes known up front', async () => {
    const [payload] = await sealedCaptures(1);
    const folder = join(scratch, 'dropped');
    await mkdir(join(folder, 'inner'), { recursive: true });
    await writeFile(join(folder, 'a.txt'), payload!);
    await writeFile(join(folder, 'inner', 'b.txt'), payload!);
    const loose = join(scratch, 'loose.txt');
    await writeFile(loose, 'not a payload');
    const started = await call('batches.startDropped', { scope: { mode: 'any' }, paths: [folder, loose] });
    let bytes = 0;
    for (const file of [join(folder, 'a.txt'), join(folder, 'inner', 'b.txt'), loose]) bytes += (await stat(file)).size;
    expect(started).toMatchObject({ total: 3, totalBytes: bytes });
    expect(await finished(started.batchId)).toMatchObject({
      counts: { done: 3, decrypted: 2, malformed: 1 },
      bytes: { read: bytes, total: bytes },
    });
  });

  it('refuses a dropped link, pipe or relative path, naming it, and too many paths, before reading anything', async () => {
    const target = join(scratch, 'real');
    await mkdir(target);
    const link = join(scratch, 'link');
    await symlink(target, link);
    const fifo = join(scratch, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const scope = { mode: 'any' } as const;
    for (const [paths, named] of [
      [[target, link], link],
      [[fifo], fifo],
      [['relative/capture.txt'], 'relative/capture.txt'],
    ] as const) {
      const refused = call('batches.startDropped', { scope, paths: [...paths] });
      await expect(refused).rejects.toMatchObject({ code: 'UNSUPPORTED_INPUT', message: expect.stringContaining(named) });
    }
    await expect(
      call('batches.startDropped', { scope, paths: Array.from({ length: MAX_DROPPED_PATHS + 1 }, () => target) }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(events.filter((e) => e.name.startsWith('batch.'))).toEqual([]);
  });

  it('exports results, with plaintext only when asked, and not at all when the dialog is cancelled', async () => {
    const batchId = await startPasted(await sealedCaptures(3));
    await finished(batchId);
    expect(await call('batches.export', { batchId, format: 'csv', includePlaintext: false })).toEqual({ path: null });
    desktop.exportPath = join(scratch, 'results.csv');
    await call('batches.export', { batchId, format: 'csv', includePlaintext: false });
    const withoutPlaintext = await readFile(desktop.exportPath, 'utf8');
    expect(withoutPlaintext.trim().split('\n')).toHaveLength(4);
    expect(withoutPlaintext).not.toContain('"n"');
    expect((await call('audit.list', {})).filter((e) => e.action === 'plaintext.export')).toEqual([]);
    desktop.exportPath = join(scratch, 'results.json');
    await call('batches.export', { batchId, format: 'json', includePlaintext: true });
    expect(JSON.parse(await readFile(desktop.exportPath, 'utf8'))).toMatchObject([{ plaintext: '{"n":0}' }, {}, {}]);
    const recorded = (await call('audit.list', {})).filter((e) => e.action === 'plaintext.export');
    expect(recorded.map((e) => e.details)).toEqual([{ path: desktop.exportPath, format: 'json', items: 3 }]);
    expect(JSON.stringify(recorded)).not.toContain('"n"');
  });

  it('exports over an existing file readable by this user only, and says why a file cannot be written', async () => {
    const batchId = await startPasted(await sealedCaptures(2));
    await finished(batchId);
    desktop.exportPath = join(scratch, 'shared.ndjson');
    await writeFile(desktop.exportPath, 'an older file, readable by everyone\n', { mode: 0o644 });
    await call('batches.export', { batchId, format: 'ndjson', includePlaintext: true });
    expect((await stat(desktop.exportPath)).mode & 0o777).toBe(0o600);
    expect(
      (await readFile(desktop.exportPath, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).plaintext),
    ).toEqual(['{"n":0}', '{"n":1}']);

    desktop.exportPath = join(scratch, 'missing', 'results.csv');
    await expect(call('batches.export', { batchId, format: 'csv', includePlaintext: false })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `Cannot write ${desktop.exportPath}: its folder does not exist. Choose another file or folder.`,
    });
  });

  it('lists the first results that fit the page, and refuses to export a batch larger than main keeps', async () => {
    await batches.stopAll();
    // Seven decrypted bytes each ({"n":0}): the page takes two (a third would pass 15 bytes), and
    // main keeps four for export (a fifth would pass 30), however many results each would allow.
    connect({ shown: { results: 10, plaintextBytes: 15 }, kept: { results: 10, plaintextBytes: 30 } });
    const payloads = await sealedCaptures(5);
    const start = (count: number) => startPasted(payloads.slice(0, count));

    const fits = await start(4);
    expect(await finished(fits)).toMatchObject({ counts: { done: 4, decrypted: 4 }, exportable: true });
    expect(shownResults(fits).map((r) => r.source)).toEqual(['p0', 'p1']);
    desktop.exportPath = join(scratch, 'four.json');
    await call('batches.export', { batchId: fits, format: 'json', includePlaintext: true });
    expect(JSON.parse(await readFile(desktop.exportPath, 'utf8'))).toHaveLength(4);

    const tooMany = await start(5);
    expect(await finished(tooMany)).toMatchObject({ counts: { done: 5, decrypted: 5 }, exportable: false });
    expect(shownResults(tooMany).map((r) => r.source)).toEqual(['p0', 'p1']);
    desktop.exportPath = join(scratch, 'five.json');
    await expect(call('batches.export', { batchId: tooMany, format: 'json', includePlaintext: true })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('custody decrypt --output FILE'),
    });
    await expect(readFile(desktop.exportPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('counts a folder before it starts, and cancels a running batch', async () => {
    const payloads = await sealedCaptures(2);
    const folder = join(scratch, 'many');
    await mkdir(join(folder, 'sub'), { recursive: true });
    for (let i = 0; i < 300; i++) await writeFile(join(folder, i % 2 ? 'sub' : '', `c${i}.txt`), itemAt(payloads, i % 2));
    desktop.captureFiles = [folder];
    const { selection } = await call('batches.choose', { dialog: 'folder' });
    expect(selection).toMatchObject({ kind: 'folder', files: 300, waitsForStart: true });
    const started = await call('batches.start', {
      scope: { mode: 'any' },
      input: { from: 'selection', selectionId: selection!.id },
    });
    expect(started.total).toBe(300);
    await call('batches.cancel', { batchId: started.batchId });
    const done = await finished(started.batchId);
    expect(done.cancelled).toBe(true);
    expect((done.counts as { done: number }).done).toBeLessThan(300);
  });

  it('refuses a selection it does not know, and a workflow that does not exist, before starting', async () => {
    await expect(
      call('batches.start', { scope: { mode: 'any' }, input: { from: 'selection', selectionId: 'nope' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      call('batches.start', {
        scope: { mode: 'workflow', workflowId: 'missing' },
        input: { from: 'paste', payloads: [{ source: 'x', text: 'y' }] },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
