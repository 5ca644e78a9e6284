/**
 * Simulate secureFetch in the page: a body sealed with the workflow's active key, copied through
 * main, and decrypted back in the workbench; the typed body leaves the page with the screen.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyInfo } from '../../shared/domain';
import { showScreen } from '../../renderer/src/actions/navigation-actions';
import {
  copySealedPayload,
  decryptSealedInWorkbench,
  encryptBody,
  setSimulateBody,
  showDecryptTab,
} from '../../renderer/src/actions/simulate-actions';
import { resetVaultData } from '../../renderer/src/actions/vault-actions';
import { useDecryptStore } from '../../renderer/src/state/decrypt-store';
import { initialSimulateState, useSimulateStore } from '../../renderer/src/state/simulate-store';
import { type FakeMain, fakeMain } from '../support/fake-main';

const BODY = '{"user":{"email":"ada@example.com"}}';
const PAYLOAD = 'sealed-payload-base64url';
const KEY: KeyInfo = {
  id: 'k_00000000000000a1',
  workflowId: 'wf',
  label: 'Receiver test key',
  status: 'active',
  origin: 'generated',
  fingerprint: '0123456789abcdef',
  createdAt: '2026-01-01T00:00:00.000Z',
  activatedAt: '2026-01-01T00:00:00.000Z',
  deactivatedAt: null,
  lastMatchedAt: null,
  deletionScheduledFor: null,
};

let main: FakeMain;

beforeEach(() => {
  main = fakeMain();
  vi.stubGlobal('window', { custody: main.api });
  useSimulateStore.setState(initialSimulateState, true);
  resetVaultData();
  main.answer('payloads.encrypt', () => ({ payload: PAYLOAD, key: KEY }));
  main.answer('payloads.copy', () => null);
  main.answer('payloads.snippets', () => [
    { language: 'node', title: 'Node.js', entryPoint: 'f', keyPlaceholder: '<KEY>', code: 'const k = "<KEY>";' },
  ]);
  main.answer('payloads.decrypt', () => []);
  main.answer('workflows.list', () => []);
  showScreen('decrypt');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('simulate secureFetch', () => {
  it('seals the typed body with the chosen workflow, copies the payload through main, and loads snippets once', async () => {
    showDecryptTab('simulate');
    setSimulateBody(BODY);
    await encryptBody('wf');
    expect(main.callsTo('payloads.encrypt')).toEqual([{ workflowId: 'wf', plaintext: BODY }]);
    expect(useSimulateStore.getState().sealed).toEqual({ workflowId: 'wf', payload: PAYLOAD, key: KEY });

    await copySealedPayload();
    expect(main.callsTo('payloads.copy')).toEqual([{ what: 'payload', payload: PAYLOAD }]);
    showDecryptTab('captures');
    showDecryptTab('simulate');
    expect(main.callsTo('payloads.snippets')).toHaveLength(1);
    expect(useSimulateStore.getState().snippets?.[0]?.code).toContain('<KEY>');
  });

  it('drops a payload that no longer matches the body being edited', async () => {
    setSimulateBody(BODY);
    await encryptBody('wf');
    setSimulateBody(`${BODY} `);
    expect(useSimulateStore.getState().sealed).toBeNull();
  });

  it('decrypts the sealed payload in the workbench, with that workflow’s keys', async () => {
    setSimulateBody(BODY);
    await encryptBody('wf');
    await decryptSealedInWorkbench();
    expect(useDecryptStore.getState()).toMatchObject({
      tab: 'captures',
      pasted: PAYLOAD,
      scope: { mode: 'workflow', workflowId: 'wf' },
    });
    expect(main.callsTo('payloads.decrypt')).toEqual([
      { payloads: [{ source: 'Pasted capture', text: PAYLOAD }], scope: { mode: 'workflow', workflowId: 'wf' } },
    ]);
  });

  it('forgets the body and its payload when the officer leaves the screen; snippets, which hold no secret, stay', async () => {
    showDecryptTab('simulate');
    setSimulateBody(BODY);
    await encryptBody('wf');
    showScreen('audit');
    const state = useSimulateStore.getState();
    expect(state).toMatchObject({ body: '', sealed: null });
    expect(state.snippets).toHaveLength(1);
    expect(JSON.stringify(useDecryptStore.getState())).not.toContain(PAYLOAD);
  });
});
