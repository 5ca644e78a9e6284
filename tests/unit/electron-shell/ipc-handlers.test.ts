import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type ChannelName, type RequestOf, type ResponseOf } from '../../../shared/contract';
import type { VaultStatus } from '../../../shared/domain';
import { Custody } from '../../../electron/custody/custody';
import type { DesktopPort } from '../../../electron/main/desktop-port';
import { dispatch } from '../../../electron/main/ipc-dispatch';
import { type EmitEvent, createHandlers } from '../../../electron/main/ipc-handlers';
import { type CoreFixture, createCoreFixture } from '../../support/core-fixture';

interface FakeDesktop extends DesktopPort {
  clipboard: string[];
  captureFiles: string[];
  exportPath: string | null;
}

function fakeDesktop(): FakeDesktop {
  const desktop: FakeDesktop = {
    clipboard: [],
    captureFiles: [],
    exportPath: null,
    writeClipboard: (text) => void desktop.clipboard.push(text),
    chooseCaptureFiles: async () => desktop.captureFiles,
    chooseExportPath: async () => desktop.exportPath,
  };
  return desktop;
}

let core: CoreFixture;
let desktop: FakeDesktop;
let events: Array<{ name: string; payload: unknown }>;
let call: <C extends ChannelName>(channel: C, request: RequestOf<C>) => Promise<ResponseOf<C>>;
let scratch: string;

beforeEach(async () => {
  core = await createCoreFixture();
  desktop = fakeDesktop();
  events = [];
  scratch = await mkdtemp(join(tmpdir(), 'custody-handlers-'));
  const emit: EmitEvent = (name, payload) => void events.push({ name, payload });
  const handlers = createHandlers({ custody: core.custody, desktop, emit, startup: core.custody.status() });
  call = async (channel, request) => {
    const answer = await dispatch(channel, request, handlers, { validateResponses: true });
    if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
    return answer.value as never;
  };
});

afterEach(async () => {
  await core.cleanup();
  await rm(scratch, { recursive: true, force: true });
});

describe('createHandlers', () => {
  it('has exactly one handler per contract channel', () => {
    const handlers = createHandlers({ custody: core.custody, desktop, emit: () => undefined, startup: core.custody.status() });
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

  it('copies a revealed key to the clipboard through main, audited, and only the key’s own value', async () => {
    await call('workflows.add', { id: 'wf' });
    const revealed = await call('keys.add', { workflowId: 'wf' });
    const other = await call('keys.add', { workflowId: 'wf' });

    await expect(
      call('keys.copyRevealed', { workflowId: 'wf', keyId: revealed.key.id, value: other.value }),
    ).rejects.toHaveProperty('code');
    expect(desktop.clipboard).toEqual([]);

    await call('keys.copyRevealed', { workflowId: 'wf', keyId: revealed.key.id, value: revealed.value });
    expect(desktop.clipboard).toEqual([revealed.value]);
    const audit = await call('audit.list', {});
    expect(audit.at(-1)).toMatchObject({ action: 'key.copy', keyId: revealed.key.id });
  });

  it('imports, encrypts and decrypts through the contract', async () => {
    await call('workflows.add', { id: 'wf' });
    const imported = await call('keys.import', { workflowId: 'wf', value: Buffer.alloc(32, 7).toString('base64') });
    const { payload } = await call('payloads.encrypt', { workflowId: 'wf', plaintext: '{"user":"ada"}' });
    const [result] = await call('payloads.decrypt', {
      payloads: [{ source: 'pasted', text: payload }],
      scope: { mode: 'workflow', workflowId: 'wf' },
    });
    expect(result).toMatchObject({ ok: true, layout: 'nonce-tag-ciphertext', key: { id: imported.id } });
  });

  it('reads the capture files chosen in the open dialog, and nothing when it is cancelled', async () => {
    expect(await call('payloads.openCaptures', {})).toEqual({ payloads: [] });
    const file = join(scratch, 'capture-1.txt');
    await writeFile(file, 'abc');
    desktop.captureFiles = [file];
    expect(await call('payloads.openCaptures', {})).toEqual({ payloads: [{ source: 'capture-1.txt', text: 'abc' }] });
  });

  it('exports the audit log where the save dialog says, or not at all when cancelled', async () => {
    await call('workflows.add', { id: 'wf' });
    expect(await call('audit.export', {})).toEqual({ path: null });

    desktop.exportPath = join(scratch, 'audit.jsonl');
    expect(await call('audit.export', {})).toEqual({ path: desktop.exportPath });
    const lines = (await readFile(desktop.exportPath, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((entry) => entry.action)).toEqual(['vault.init', 'workflow.add']);
  });

  it('reports vault.init and pushes the new status', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'custody-fresh-'));
    const custody = new Custody({ location: { home: fresh, keychainService: 'custody-unit-fresh' }, secrets: core.secrets });
    const handlers = createHandlers({
      custody,
      desktop,
      emit: (name, payload) => void events.push({ name, payload }),
      startup: custody.status(),
    });
    try {
      expect(await dispatch('vault.status', {}, handlers)).toEqual({ ok: true, value: { state: 'uninitialised', home: fresh } });
      expect(await dispatch('vault.init', {}, handlers)).toEqual({ ok: true, value: { state: 'ready', home: fresh } });
      expect(events).toContainEqual({ name: 'vault.status', payload: { state: 'ready', home: fresh } });
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('reports a failed first start as the vault status until a vault exists', async () => {
    const failed: VaultStatus = { state: 'unavailable', home: core.home, error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'x' } };
    const fresh = await mkdtemp(join(tmpdir(), 'custody-fresh-'));
    const custody = new Custody({ location: { home: fresh, keychainService: 'custody-unit-fresh' }, secrets: core.secrets });
    const handlers = createHandlers({ custody, desktop, emit: () => undefined, startup: Promise.resolve(failed) });
    try {
      expect(await dispatch('vault.status', {}, handlers)).toEqual({ ok: true, value: failed });
      await dispatch('vault.init', {}, handlers);
      expect(await dispatch('vault.status', {}, handlers)).toEqual({ ok: true, value: { state: 'ready', home: fresh } });
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('makes every call wait for the start-up', async () => {
    let finish: (status: VaultStatus) => void = () => undefined;
    const startup = new Promise<VaultStatus>((resolve) => (finish = resolve));
    const handlers = createHandlers({ custody: core.custody, desktop, emit: () => undefined, startup });
    let answered = false;
    const pending = dispatch('workflows.list', {}, handlers).then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    finish({ state: 'ready', home: core.home });
    await pending;
    expect(answered).toBe(true);
  });
});
