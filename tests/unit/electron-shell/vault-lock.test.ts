import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type ChannelName, channels } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import { type BatchManager, createBatchManager } from '../../../electron/main/decrypt-batches';
import type { EmitEvent } from '../../../electron/main/emit-event';
import { type Handlers, dispatch } from '../../../electron/main/ipc-dispatch';
import { createHandlers } from '../../../electron/main/ipc-handlers';
import { type VaultSession, createVaultSession } from '../../../electron/main/vault-session';
import { buildDecryptWorker } from '../../support/build-worker';
import { type CoreFixture, createCoreFixture } from '../../support/core-fixture';
import { fakeDesktop, fakeMainParts } from '../../support/fake-main-parts';

const workerScript = buildDecryptWorker();
const PASSPHRASE = 'correct horse battery';

let core: CoreFixture;
let batches: BatchManager;
let session: VaultSession;
let handlers: Handlers;
let events: Array<{ name: string; payload: unknown }>;

function call(channel: ChannelName, request: unknown = {}): Promise<Result<unknown>> {
  return dispatch(channel, request, handlers, { validateResponses: true, admit: session.admit });
}

beforeEach(async () => {
  core = await createCoreFixture();
  await core.custody.addWorkflow({ id: 'wf' });
  await core.custody.addKey('wf');
  events = [];
  const emit: EmitEvent = (name, payload) => void events.push({ name, payload });
  batches = createBatchManager({ custody: core.custody, emit, workerScript });
  session = createVaultSession({ custody: core.custody, stopBatches: () => batches.stopAll(), emit });
  const startup = core.custody.status();
  await session.started(await startup);
  const desktop = fakeDesktop();
  handlers = createHandlers({
    custody: core.custody,
    desktop,
    emit,
    startup,
    batches,
    ...fakeMainParts(desktop).parts,
    session,
    noteActivity: () => undefined,
  });
});

afterEach(async () => {
  await batches.stopAll();
  await core.cleanup();
});

const auditActions = async () => {
  await core.custody.unlock(PASSPHRASE).catch(() => undefined);
  return (await core.custody.auditEntries()).map((e) => `${e.action}${e.details.reason ? `:${String(e.details.reason)}` : ''}`);
};

describe('the lock (R15) in main', () => {
  it('declares for every channel whether it works while locked; only About, status, lock, unlock and a new vault over a missing one do', () => {
    const worksLocked = CHANNEL_NAMES.filter((name) => channels[name].whileLocked);
    expect(worksLocked.sort()).toEqual(['app.about', 'vault.lock', 'vault.startNew', 'vault.status', 'vault.unlock']);
  });

  it('while locked, starting a new vault over one whose file is there is refused and changes nothing (R17)', async () => {
    await call('vault.lock');
    expect(await call('vault.startNew')).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    expect(await call('vault.unlock')).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(await call('workflows.list')).toMatchObject({ ok: true });
  });

  it('refuses every other channel with VAULT_LOCKED while locked, without calling its handler', async () => {
    await call('vault.lock');
    const answer = await call('workflows.list');
    expect(answer).toEqual({ ok: false, error: { code: 'VAULT_LOCKED', message: expect.stringMatching(/locked\. Unlock/) } });
    expect(await call('payloads.snippets')).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await call('settings.get')).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await call('vault.status')).toMatchObject({ ok: true, value: { state: 'locked' } });
  });

  it('pushes the locked status, audits lock and unlock, and opens again with Unlock (no passphrase set)', async () => {
    expect(await call('vault.lock')).toMatchObject({ ok: true, value: { state: 'locked', passphraseSet: false } });
    expect(events).toContainEqual({ name: 'vault.status', payload: expect.objectContaining({ state: 'locked' }) });
    expect(await call('vault.unlock')).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(await call('workflows.list')).toMatchObject({ ok: true });
    expect((await auditActions()).slice(-2)).toEqual(['vault.lock:command', 'vault.unlock:keychain']);
  });

  it('with a passphrase: a wrong one is WRONG_PASSPHRASE and stays locked; the right one unlocks', async () => {
    expect(await call('passphrase.set', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { passphraseSet: true } });
    await call('vault.lock');
    expect(await call('vault.unlock', { passphrase: 'not the passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(await call('keys.list', { workflowId: 'wf' })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await call('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect((await auditActions()).slice(-3)).toEqual(['vault.lock:command', 'unlock.failed', 'vault.unlock:passphrase']);
  });

  it('lets a write already in flight finish before the keys go', async () => {
    const adding = call('workflows.add', { id: 'second' });
    const locking = call('vault.lock');
    expect(await adding).toMatchObject({ ok: true, value: { id: 'second' } });
    expect(await locking).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await auditActions()).toEqual(expect.arrayContaining(['workflow.add', 'vault.lock:command']));
    const actions = await auditActions();
    expect(actions.indexOf('workflow.add')).toBeLessThan(actions.indexOf('vault.lock:command'));
  });

  it('stops a running decrypt batch, which records its summary before the lock', async () => {
    const payloads = Array.from({ length: 200 }, (_, i) => ({ source: `p${i}`, text: 'not a payload' }));
    expect(await call('batches.start', { scope: { mode: 'any' }, input: { from: 'paste', payloads } })).toMatchObject({
      ok: true,
    });
    await call('vault.lock');
    const actions = await auditActions();
    expect(actions.indexOf('decrypt.batch')).toBeGreaterThan(-1);
    expect(actions.indexOf('decrypt.batch')).toBeLessThan(actions.indexOf('vault.lock:command'));
  });

  it('runs the registered lock listeners (revealed keys, the clipboard) on every lock', async () => {
    let forgotten = 0;
    session.onLock(() => {
      forgotten += 1;
    });
    await call('vault.lock');
    await call('vault.unlock');
    await session.lock('idle');
    expect(forgotten).toBe(2);
    expect((await auditActions()).at(-1)).toBe('vault.lock:idle');
  });

  it('changes settings through the core (audited) and follows the new idle minutes', async () => {
    expect(await call('settings.update', { idleMinutes: 15 })).toMatchObject({ ok: true, value: { idleMinutes: 15 } });
    expect(session.idleMinutes()).toBe(15);
    expect(await call('settings.update', { idleMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
