/**
 * Simulate secureFetch in the page: a body sealed with the workflow's active key, copied through
 * main, and decrypted back in the workbench; the typed body leaves the page with the screen.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showScreen } from '../../renderer/src/actions/navigation-actions';
import {
  copySealedPayload,
  decryptSealedInWorkbench,
  encryptBody,
  setSimulateBody,
  openSimulate,
} from '../../renderer/src/actions/simulate-actions';
import { resetVaultData } from '../../renderer/src/actions/vault-actions';
import { useDecryptStore } from '../../renderer/src/state/decrypt-store';
import { useNavigationStore } from '../../renderer/src/state/navigation-store';
import { initialSimulateState, useSimulateStore } from '../../renderer/src/state/simulate-store';
import { useToastStore } from '../../renderer/src/state/toast-store';
import { type FakeMain, fakeMain } from '../support/fake-main';
import { keyInfo } from '../support/key-info';

const BODY = '{"user":{"email":"ada@example.com"}}';
const PAYLOAD = 'sealed-payload-base64url';
const KEY = keyInfo({ label: 'Receiver test key' });

let main: FakeMain;

beforeEach(() => {
  main = fakeMain();
  vi.stubGlobal('window', { custody: main.api });
  useSimulateStore.setState(initialSimulateState, true);
  resetVaultData();
  main.answer('payloads.encrypt', () => ({ payload: PAYLOAD, key: KEY }));
  main.answer('payloads.confirmSimulate', () => ({ confirmed: true }));
  main.answer('payloads.copy', () => ({ clearsInSeconds: 30, clearsWithoutFocus: true }));
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
    openSimulate();
    setSimulateBody(BODY);
    await encryptBody('wf');
    expect(main.callsTo('payloads.encrypt')).toEqual([{ workflowId: 'wf', plaintext: BODY }]);
    expect(useSimulateStore.getState().sealed).toEqual({ workflowId: 'wf', payload: PAYLOAD, key: KEY });

    await copySealedPayload();
    expect(main.callsTo('payloads.copy')).toEqual([{ what: 'payload', payload: PAYLOAD }]);
    showScreen('decrypt');
    openSimulate();
    expect(main.callsTo('payloads.snippets')).toHaveLength(1);
    expect(useSimulateStore.getState().snippets?.[0]?.code).toContain('<KEY>');
  });

  it('asks main before sealing; Cancel in main’s question seals nothing and leaves the form as it was', async () => {
    main.answer('payloads.confirmSimulate', () => ({ confirmed: false }));
    setSimulateBody(BODY);
    await encryptBody('wf');
    expect(main.callsTo('payloads.confirmSimulate')).toHaveLength(1);
    expect(main.callsTo('payloads.encrypt')).toEqual([]);
    expect(useSimulateStore.getState()).toMatchObject({ body: BODY, sealed: null, encrypting: false, error: null });
  });

  it('says when main clears the copied payload from the clipboard', async () => {
    setSimulateBody(BODY);
    await encryptBody('wf');
    await copySealedPayload();
    expect(JSON.stringify(useToastStore.getState().toasts)).toContain('Copied — clears in 30 s');
  });

  it('drops a payload that no longer matches the body being edited', async () => {
    setSimulateBody(BODY);
    await encryptBody('wf');
    setSimulateBody(`${BODY} `);
    expect(useSimulateStore.getState().sealed).toBeNull();
  });

  it('decrypts the sealed payload on the Decrypt screen, with that workflow’s keys', async () => {
    openSimulate();
    setSimulateBody(BODY);
    await encryptBody('wf');
    await decryptSealedInWorkbench();
    expect(useNavigationStore.getState().screen).toBe('decrypt');
    expect(useDecryptStore.getState()).toMatchObject({
      pasted: PAYLOAD,
      scope: { mode: 'workflow', workflowId: 'wf' },
    });
    expect(main.callsTo('payloads.decrypt')).toEqual([
      { payloads: [{ source: 'Pasted capture', text: PAYLOAD }], scope: { mode: 'workflow', workflowId: 'wf' } },
    ]);
  });

  it('forgets the body and its payload when the officer leaves the screen; snippets, which hold no secret, stay', async () => {
    openSimulate();
    setSimulateBody(BODY);
    await encryptBody('wf');
    showScreen('audit');
    const state = useSimulateStore.getState();
    expect(state).toMatchObject({ body: '', sealed: null });
    expect(state.snippets).toHaveLength(1);
    expect(JSON.stringify(useDecryptStore.getState())).not.toContain(PAYLOAD);
  });
});
