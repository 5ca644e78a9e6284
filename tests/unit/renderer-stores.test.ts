/**
 * The renderer's zustand stores, fed only by the contract and its events, over a
 * fake transport (the real shared factory, so every call is a Result as in the app). A new key's
 * value never enters a store: the reveal dialog holds its handle (R14).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyInfo, WorkflowSummary } from '../../shared/domain';
import { openAudit } from '../../renderer/src/actions/audit-actions';
import { decryptPasted, openDecrypt } from '../../renderer/src/actions/decrypt-actions';
import {
  copyRevealedKey,
  confirmKeyAction,
  keepRevealedKeyOpen,
  requestCloseRevealedKey,
  runConfirmedKeyAction,
  startAddKey,
} from '../../renderer/src/actions/key-actions';
import { showScreen } from '../../renderer/src/actions/navigation-actions';
import { applyVaultStatus, loadWorkflows, resetVaultData } from '../../renderer/src/actions/vault-actions';
import { selectWorkflow } from '../../renderer/src/actions/workflow-actions';
import { connectSession } from '../../renderer/src/session/connect-session';
import { useAuditStore } from '../../renderer/src/state/audit-store';
import { useDecryptStore } from '../../renderer/src/state/decrypt-store';
import { useDialogStore } from '../../renderer/src/state/dialog-store';
import { useNavigationStore } from '../../renderer/src/state/navigation-store';
import { initialToastState, useToastStore } from '../../renderer/src/state/toast-store';
import { initialVaultState, useVaultStore } from '../../renderer/src/state/vault-store';
import { useWorkflowStore } from '../../renderer/src/state/workflow-store';
import { fakeMain } from '../support/fake-main';

const SECRET = 'xfraESl2NR3TfPcFl1T+frNXLOrCdbGQ6EVS7aWpPlI=';
const HOME = '/home/officer/.config/Workflow Key Custody';

function workflow(id: string, keyCount: number): WorkflowSummary {
  return {
    id,
    name: id,
    notes: '',
    rotationDays: 90,
    createdAt: '2026-01-01T00:00:00.000Z',
    keyCount,
    activeKeyId: keyCount > 0 ? 'k_00000000000000a1' : null,
    noActiveKey: keyCount === 0,
    rotationDue: false,
    deletionScheduled: false,
  };
}

function key(id: string, workflowId: string, status: KeyInfo['status']): KeyInfo {
  return {
    id,
    workflowId,
    label: `label of ${id}`,
    status,
    origin: 'generated',
    fingerprint: '0123456789abcdef',
    createdAt: '2026-01-01T00:00:00.000Z',
    activatedAt: status === 'active' ? '2026-01-01T00:00:00.000Z' : null,
    deactivatedAt: null,
    lastMatchedAt: null,
    deletionScheduledFor: null,
  };
}

/** Everything the renderer holds, as one string: where a key value would show if it leaked. */
function everythingInStores(): string {
  return JSON.stringify([
    useVaultStore.getState(),
    useWorkflowStore.getState(),
    useDialogStore.getState(),
    useDecryptStore.getState(),
    useAuditStore.getState(),
    useNavigationStore.getState(),
    useToastStore.getState(),
  ]);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let main: ReturnType<typeof fakeMain>;

beforeEach(() => {
  main = fakeMain();
  vi.stubGlobal('window', { custody: main.api });
  resetVaultData();
  useVaultStore.setState(initialVaultState, true);
  useToastStore.setState(initialToastState, true);
  main.answer('workflows.list', () => [workflow('onUserTokenGeneration', 0)]);
  main.answer('keys.list', () => []);
  main.answer('vault.status', () => ({ state: 'ready', home: HOME, passphraseSet: false }));
});

/** The vault opens and the first workflow list arrives, as at start-up. */
async function vaultReady(): Promise<void> {
  applyVaultStatus({ state: 'ready', home: HOME, passphraseSet: false });
  await settle();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the revealed key (R4, R14)', () => {
  const HANDLE = `rh_${'a'.repeat(32)}`;
  beforeEach(async () => {
    await vaultReady();
    main.answer('keys.add', ({ workflowId }) => ({ key: key('k_00000000000000a1', workflowId, 'active'), handle: HANDLE }));
    main.answer('reveal.value', () => ({ value: SECRET }));
    main.answer('reveal.copy', () => ({ clearsInSeconds: 30, clearsWithoutFocus: true }));
    main.answer('reveal.close', () => null);
  });

  it('is a handle in the dialog state, never the value; copy and close send the handle, and closing drops it', async () => {
    startAddKey('onUserTokenGeneration', 'add-encryption-key');
    await settle();

    const { dialog } = useDialogStore.getState();
    expect(dialog.kind === 'reveal-key' && dialog.reveal.handle).toBe(HANDLE);
    expect(everythingInStores()).not.toContain(SECRET);

    await copyRevealedKey();
    await copyRevealedKey();
    expect(main.callsTo('reveal.copy')).toEqual([{ handle: HANDLE }, { handle: HANDLE }]);
    requestCloseRevealedKey();

    expect(useDialogStore.getState().dialog).toEqual({ kind: 'none' });
    expect(main.callsTo('reveal.close')).toEqual([{ handle: HANDLE }]);
    expect(everythingInStores()).not.toContain(HANDLE);
  });

  it('asks once more when closed before a copy, and is dropped when the officer closes anyway', async () => {
    startAddKey('onUserTokenGeneration', 'add-encryption-key');
    await settle();

    requestCloseRevealedKey();
    let { dialog } = useDialogStore.getState();
    expect(dialog.kind === 'reveal-key' && dialog.confirmingClose).toBe(true);

    keepRevealedKeyOpen();
    ({ dialog } = useDialogStore.getState());
    expect(dialog.kind === 'reveal-key' && !dialog.confirmingClose).toBe(true);

    requestCloseRevealedKey();
    requestCloseRevealedKey();
    expect(useDialogStore.getState().dialog.kind).toBe('none');
    expect(main.callsTo('reveal.close')).toEqual([{ handle: HANDLE }]);
  });

  it('is dropped when the vault becomes unavailable while the dialog is open', async () => {
    startAddKey('onUserTokenGeneration', 'add-encryption-key');
    await settle();
    expect(everythingInStores()).toContain(HANDLE);

    const stop = connectSession(main.api);
    main.emit('vault.status', {
      state: 'unavailable',
      home: HOME,
      error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'The keychain is locked.' },
    });
    stop();

    expect(useDialogStore.getState().dialog.kind).toBe('none');
    expect(useWorkflowStore.getState().workflows).toEqual([]);
    expect(everythingInStores()).not.toContain(HANDLE);
  });

  it('is not created before the officer confirms the information dialog', async () => {
    main.answer('workflows.list', () => [workflow('onUserTokenGeneration', 1)]);
    await loadWorkflows();
    startAddKey('onUserTokenGeneration', 'add-encryption-key');
    expect(useDialogStore.getState().dialog.kind).toBe('add-key-info');
    expect(main.calls.some((c) => c.channel === 'keys.add')).toBe(false);
  });
});

describe('stores fed by main’s events', () => {
  it('loads workflows when the vault is ready and re-reads them on vault.changed', async () => {
    const stop = connectSession(main.api);
    await settle();
    expect(useWorkflowStore.getState().workflows.map((w) => w.id)).toEqual(['onUserTokenGeneration']);
    expect(useWorkflowStore.getState().selectedWorkflowId).toBe('onUserTokenGeneration');

    main.answer('workflows.list', () => [workflow('onUserTokenGeneration', 0), workflow('onPostAuthentication', 0)]);
    main.emit('vault.changed', { reason: 'workflows.add' });
    await settle();
    expect(useWorkflowStore.getState().workflows.map((w) => w.id)).toEqual(['onUserTokenGeneration', 'onPostAuthentication']);
    stop();
  });

  it('resets everything read from the vault when main says it is unavailable', async () => {
    await vaultReady();
    selectWorkflow('onUserTokenGeneration');
    openDecrypt('onUserTokenGeneration');
    const stop = connectSession(main.api);
    await settle();
    main.emit('vault.status', { state: 'unavailable', home: HOME, error: { code: 'VAULT_KEY_MISSING', message: 'Gone.' } });

    expect(useVaultStore.getState().status).toMatchObject({ state: 'unavailable', error: { code: 'VAULT_KEY_MISSING' } });
    expect(useWorkflowStore.getState()).toMatchObject({ workflows: [], selectedWorkflowId: null, keys: [] });
    expect(useNavigationStore.getState().screen).toBe('workflow');
    stop();
  });

  it('opens the matching dialog or screen for each native menu command', async () => {
    main.answer('audit.list', () => []);
    main.answer('audit.verify', () => ({ ok: true, entries: 0, problem: null, firstBadSeq: null }));
    const stop = connectSession(main.api);
    await settle();

    main.emit('menu.command', { command: 'add-workflow' });
    expect(useDialogStore.getState().dialog.kind).toBe('add-workflow');
    main.emit('menu.command', { command: 'import-key' });
    expect(useDialogStore.getState().dialog).toMatchObject({ kind: 'import-key', workflowId: 'onUserTokenGeneration' });
    main.emit('menu.command', { command: 'about' });
    expect(useDialogStore.getState().dialog.kind).toBe('about');
    main.emit('menu.command', { command: 'decrypt' });
    expect(useNavigationStore.getState().screen).toBe('decrypt');
    main.emit('menu.command', { command: 'audit' });
    expect(useNavigationStore.getState().screen).toBe('audit');
    await settle();
    expect(useAuditStore.getState().loaded).toBe(true);
    stop();
  });

  it('applies only the newest answer when two loads overlap', async () => {
    await vaultReady();
    const releaseStale = main.answerLater('workflows.list');
    const stale = loadWorkflows();
    main.answer('workflows.list', () => [workflow('fresh', 0)]);
    await loadWorkflows();
    releaseStale([workflow('stale', 0)]);
    await stale;
    expect(useWorkflowStore.getState().workflows.map((w) => w.id)).toEqual(['fresh']);
  });

  it('switches to the vault screen when a call finds the keychain gone', async () => {
    await vaultReady();
    main.refuse('keys.list', { code: 'KEYCHAIN_UNAVAILABLE', message: 'No Secret Service answered.' });
    main.answer('vault.status', () => ({
      state: 'unavailable',
      home: HOME,
      error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'No Secret Service answered.' },
    }));
    useWorkflowStore.setState({ selectedWorkflowId: null });
    selectWorkflow('onUserTokenGeneration');
    await settle();
    await settle();
    expect(useVaultStore.getState().status.state).toBe('unavailable');
  });
});

describe('confirmations ask; the core decides (R9)', () => {
  it('sends a confirmed delete to the core even for the active key, and shows its refusal in the dialog', async () => {
    await vaultReady();
    const active = key('k_00000000000000a1', 'onUserTokenGeneration', 'active');
    useWorkflowStore.setState({ keys: [active], keysWorkflowId: active.workflowId });
    main.refuse('keys.delete', {
      code: 'ACTIVE_KEY_DELETE_REFUSED',
      message: 'The active key cannot be deleted. Deactivate it first.',
    });

    main.answer('settings.get', () => ({ idleMinutes: 5, clipboardSeconds: 30, deletionWaitDays: 7 }));
    await confirmKeyAction('delete', active, 'key-menu-k_00000000000000a1');
    await runConfirmedKeyAction();

    expect(main.calls.filter((c) => c.channel === 'keys.delete')).toHaveLength(1);
    expect(useDialogStore.getState()).toMatchObject({
      dialog: { kind: 'confirm-key', action: 'delete' },
      busy: false,
      error: { code: 'ACTIVE_KEY_DELETE_REFUSED' },
    });
  });

  it('closes the dialog and re-reads the keys after an activation', async () => {
    await vaultReady();
    const inactive = key('k_00000000000000b2', 'onUserTokenGeneration', 'inactive');
    main.answer('keys.activate', () => ({ ...inactive, status: 'active' as const }));
    main.answer('keys.list', () => [{ ...inactive, status: 'active' as const }]);
    useWorkflowStore.setState({ keys: [inactive], keysWorkflowId: inactive.workflowId });

    confirmKeyAction('activate', inactive, null);
    await runConfirmedKeyAction();
    await settle();

    expect(useDialogStore.getState().dialog.kind).toBe('none');
    expect(useWorkflowStore.getState().keys[0]?.status).toBe('active');
    expect(useToastStore.getState().toasts.map((t) => t.title)).toContain('Add the new key value to your code');
  });
});

describe('decrypted bodies', () => {
  it('are dropped when the officer leaves the Decrypt screen', async () => {
    await vaultReady();
    main.answer('payloads.decrypt', () => [
      {
        ok: true,
        source: 'Pasted capture',
        layout: 'nonce-tag-ciphertext',
        key: {
          id: 'k_00000000000000a1',
          workflowId: 'onUserTokenGeneration',
          label: '',
          status: 'active',
          fingerprint: '0123456789abcdef',
          index: 0,
        },
        plaintext: { utf8: true, text: '{"password":"correct horse"}', base64: null, byteLength: 28 },
      },
    ]);
    openDecrypt('onUserTokenGeneration');
    useDecryptStore.setState({ pasted: 'AAAA' });
    await decryptPasted();
    expect(everythingInStores()).toContain('correct horse');

    showScreen('workflow');
    expect(useDecryptStore.getState()).toMatchObject({
      pasted: '',
      results: [],
      scope: { mode: 'workflow', workflowId: 'onUserTokenGeneration' },
    });
    expect(everythingInStores()).not.toContain('correct horse');
  });
});

describe('audit log', () => {
  it('is shown newest first with its chain status', async () => {
    await vaultReady();
    const entry = (seq: number) => ({
      seq,
      time: '2026-01-01T00:00:00.000Z',
      action: 'key.add' as const,
      workflowId: 'onUserTokenGeneration',
      keyId: null,
      fingerprint: null,
      user: 'officer',
      details: {},
      mac: 'ab',
    });
    main.answer('audit.list', () => [entry(1), entry(2), entry(3)]);
    main.answer('audit.verify', () => ({ ok: false, entries: 3, problem: 'Entry 2 was edited.', firstBadSeq: 2 }));
    openAudit();
    await settle();
    expect(useAuditStore.getState().entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(useAuditStore.getState().verification).toMatchObject({ ok: false, firstBadSeq: 2 });
  });
});
