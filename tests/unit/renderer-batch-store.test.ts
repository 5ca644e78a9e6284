/**
 * The batch store, fed by batch.* events through the module-level actions, over
 * a fake transport (the real shared factory, so every call is a Result as in the app). Events
 * build the result list in order, events of another batch are ignored, and discarding a batch
 * (a new batch, leaving the screen, the vault closing) drops the decrypted bodies from the page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_RESULTS_SHOWN } from '../../shared/contract';
import type { BatchCounts, CaptureSelection, DecryptItemResult } from '../../shared/domain';
import {
  cancelBatch,
  chooseCaptures,
  exportBatch,
  selectBatchResult,
  setNdjsonField,
  startSelectedBatch,
} from '../../renderer/src/actions/batch-actions';
import { discardBatch } from '../../renderer/src/actions/discard-batch';
import { showScreen } from '../../renderer/src/actions/navigation-actions';
import { applyVaultStatus, resetVaultData } from '../../renderer/src/actions/vault-actions';
import { connectSession } from '../../renderer/src/session/connect-session';
import { initialBatchState, useBatchStore } from '../../renderer/src/state/batch-store';
import { useDecryptStore } from '../../renderer/src/state/decrypt-store';
import { useNavigationStore } from '../../renderer/src/state/navigation-store';
import { initialToastState, useToastStore } from '../../renderer/src/state/toast-store';
import { initialVaultState, useVaultStore } from '../../renderer/src/state/vault-store';
import { type FakeMain, fakeMain } from '../support/fake-main';

const HOME = '/home/officer/.config/Workflow Key Custody';
const SECRET_BODY = '{"password":"correct horse battery staple"}';

function decrypted(source: string, text = SECRET_BODY): DecryptItemResult {
  return {
    ok: true,
    source,
    layout: 'nonce-tag-ciphertext',
    key: {
      id: 'k_00000000000000a1',
      workflowId: 'wf',
      label: 'Dashboard key',
      status: 'active',
      fingerprint: '0123456789abcdef',
      index: 0,
    },
    plaintext: { utf8: true, text, base64: null, byteLength: text.length },
  };
}

function malformed(source: string): DecryptItemResult {
  return { ok: false, source, error: { code: 'MALFORMED_PAYLOAD', message: 'not base64' } };
}

function counts(done: number, rest: Partial<BatchCounts> = {}): BatchCounts {
  return { done, total: null, decrypted: done, noMatchingKey: 0, malformed: 0, otherErrors: 0, ...rest };
}

const har: CaptureSelection = { id: 'sel-har', kind: 'har', label: 'session.har', files: 1, waitsForStart: false };
const folder: CaptureSelection = { id: 'sel-folder', kind: 'folder', label: 'captures', files: 12, waitsForStart: true };
const NO_BYTES = { read: 0, total: null };

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let main: FakeMain;
let disconnect: () => void;

beforeEach(async () => {
  main = fakeMain();
  vi.stubGlobal('window', { custody: main.api });
  main.answer('vault.status', () => ({ state: 'ready', home: HOME, passphraseSet: false }));
  main.answer('workflows.list', () => []);
  main.answer('batches.discard', () => null);
  main.answer('batches.choose', () => ({ selection: har }));
  // The previous test's batch is forgotten first, so no call of it reaches this test's main.
  useBatchStore.setState(initialBatchState, true);
  resetVaultData();
  useVaultStore.setState(initialVaultState, true);
  useToastStore.setState(initialToastState, true);
  disconnect = connectSession(main.api);
  await settle();
  showScreen('decrypt');
  useDecryptStore.setState({ scope: { mode: 'workflow', workflowId: 'wf' } });
});

afterEach(() => {
  disconnect();
  vi.unstubAllGlobals();
});

/** Chooses the HAR file and lets batches.start answer `batchId`. */
async function startHarBatch(batchId: string): Promise<void> {
  main.answer('batches.start', () => ({ batchId, total: null, totalBytes: null }));
  await chooseCaptures('files');
}

describe('the batch store', () => {
  it('builds the result list from events in order, including those that came before batches.start answered', async () => {
    const answerStart = main.answerLater('batches.start');
    const choosing = chooseCaptures('files');
    await settle();
    expect(useBatchStore.getState().phase).toBe('starting');
    expect(main.callsTo('batches.start')).toEqual([
      { scope: { mode: 'workflow', workflowId: 'wf' }, input: { from: 'selection', selectionId: 'sel-har' } },
    ]);

    // Main pushed the first chunk before its answer reached the page.
    main.emit('batch.results', { batchId: 'b1', results: [decrypted('session.har#1'), malformed('session.har#2')] });
    main.emit('batch.progress', { batchId: 'b1', counts: counts(2, { decrypted: 1, malformed: 1 }), bytes: NO_BYTES });
    answerStart({ batchId: 'b1', total: null, totalBytes: null });
    await choosing;

    expect(useBatchStore.getState()).toMatchObject({
      phase: 'running',
      batchId: 'b1',
      counts: counts(2, { decrypted: 1, malformed: 1 }),
    });
    main.emit('batch.results', { batchId: 'b1', results: [decrypted('session.har#3')] });
    main.emit('batch.finished', {
      batchId: 'b1',
      counts: counts(3, { decrypted: 2, malformed: 1 }),
      bytes: NO_BYTES,
      cancelled: false,
      error: null,
      exportable: true,
    });

    const state = useBatchStore.getState();
    expect(state.results.map((r) => r.source)).toEqual(['session.har#1', 'session.har#2', 'session.har#3']);
    expect(state).toMatchObject({
      phase: 'finished',
      cancelled: false,
      error: null,
      input: { kind: 'har', label: 'session.har' },
    });
    expect(state.counts).toEqual(counts(3, { decrypted: 2, malformed: 1 }));
  });

  it('ignores the events of any other batch, before and after its own start', async () => {
    const answerStart = main.answerLater('batches.start');
    const choosing = chooseCaptures('files');
    await settle();
    main.emit('batch.results', { batchId: 'old', results: [decrypted('old#1')] });
    answerStart({ batchId: 'b2', total: 5, totalBytes: null });
    await choosing;

    main.emit('batch.results', { batchId: 'other', results: [decrypted('other#1')] });
    main.emit('batch.progress', { batchId: 'other', counts: counts(9), bytes: NO_BYTES });
    main.emit('batch.finished', {
      batchId: 'other',
      counts: counts(9),
      bytes: NO_BYTES,
      cancelled: true,
      error: null,
      exportable: true,
    });
    main.emit('batch.results', { batchId: 'b2', results: [decrypted('mine#1')] });

    const state = useBatchStore.getState();
    expect(state.results.map((r) => r.source)).toEqual(['mine#1']);
    expect(state).toMatchObject({ phase: 'running', cancelled: false, counts: { done: 0, total: 5 } });
  });

  it('shows at most BATCH_RESULTS_SHOWN results, however many arrive', async () => {
    await startHarBatch('b3');
    const many = Array.from({ length: BATCH_RESULTS_SHOWN.results - 1 }, (_, i) => malformed(`line ${i}`));
    main.emit('batch.results', { batchId: 'b3', results: many });
    main.emit('batch.results', { batchId: 'b3', results: [malformed('last shown'), malformed('not shown')] });
    const { results } = useBatchStore.getState();
    expect(results).toHaveLength(BATCH_RESULTS_SHOWN.results);
    expect(results.at(-1)?.source).toBe('last shown');
  });

  it('learns at the end whether the export holds every result', async () => {
    await startHarBatch('b7');
    expect(useBatchStore.getState().exportable).toBe(true);
    main.emit('batch.finished', {
      batchId: 'b7',
      counts: counts(120_000),
      bytes: NO_BYTES,
      cancelled: false,
      error: null,
      exportable: false,
    });
    expect(useBatchStore.getState()).toMatchObject({ phase: 'finished', exportable: false });
    await startHarBatch('b8');
    expect(useBatchStore.getState().exportable).toBe(true);
  });

  it('counts a folder first and starts it only on Start; NDJSON asks main for the field named', async () => {
    main.answer('batches.choose', () => ({ selection: folder }));
    main.answer('batches.start', () => ({ batchId: 'b4', total: 12, totalBytes: null }));
    await chooseCaptures('folder');
    expect(useBatchStore.getState()).toMatchObject({ phase: 'selected', input: { kind: 'folder', files: 12 } });
    expect(main.callsTo('batches.start')).toEqual([]);
    await startSelectedBatch();
    expect(useBatchStore.getState()).toMatchObject({ phase: 'running', batchId: 'b4', counts: { total: 12 } });

    setNdjsonField('  capture ');
    await chooseCaptures('files');
    expect(main.callsTo('batches.choose').at(-1)).toEqual({ dialog: 'files', field: 'capture' });
  });

  it('cancels: Cancel waits for main, and the batch ends marked cancelled', async () => {
    main.answer('batches.cancel', () => null);
    await startHarBatch('b5');
    await cancelBatch();
    expect(useBatchStore.getState().phase).toBe('cancelling');
    expect(main.callsTo('batches.cancel')).toEqual([{ batchId: 'b5' }]);
    main.emit('batch.finished', {
      batchId: 'b5',
      counts: counts(40),
      bytes: NO_BYTES,
      cancelled: true,
      error: null,
      exportable: true,
    });
    expect(useBatchStore.getState()).toMatchObject({ phase: 'finished', cancelled: true });
  });

  it('exports with plaintext only when asked, and says nothing when the save dialog is cancelled', async () => {
    await startHarBatch('b6');
    main.emit('batch.finished', {
      batchId: 'b6',
      counts: counts(0),
      bytes: NO_BYTES,
      cancelled: false,
      error: null,
      exportable: true,
    });
    main.answer('batches.export', () => ({ path: '/home/officer/results.csv' }));
    await exportBatch('csv');
    await exportBatch('ndjson', true);
    expect(main.callsTo('batches.export')).toEqual([
      { batchId: 'b6', format: 'csv', includePlaintext: false },
      { batchId: 'b6', format: 'ndjson', includePlaintext: true },
    ]);
    expect(useToastStore.getState().toasts.map((t) => t.title)).toEqual(['Results exported', 'Results exported, with plaintext']);

    main.answer('batches.export', () => ({ path: null }));
    await exportBatch('json');
    expect(useToastStore.getState().toasts).toHaveLength(2);
  });
});

describe('discarding a batch drops its plaintext', () => {
  async function batchWithPlaintext(batchId: string): Promise<void> {
    await startHarBatch(batchId);
    main.emit('batch.results', { batchId, results: [decrypted('session.har#1')] });
    selectBatchResult(0);
    expect(JSON.stringify(useBatchStore.getState())).toContain('correct horse');
  }

  it('when the officer clears it: main is told, and nothing of it stays in the page', async () => {
    await batchWithPlaintext('b7');
    setNdjsonField('capture');
    discardBatch();
    expect(main.callsTo('batches.discard')).toEqual([{ batchId: 'b7' }]);
    expect(useBatchStore.getState()).toEqual({ ...initialBatchState, ndjsonField: 'capture' });
    // A late event of the discarded batch brings nothing back.
    main.emit('batch.results', { batchId: 'b7', results: [decrypted('session.har#2')] });
    expect(JSON.stringify(useBatchStore.getState())).not.toContain('correct horse');
  });

  it('when a new batch starts', async () => {
    await batchWithPlaintext('b8');
    await startHarBatch('b9');
    expect(main.callsTo('batches.discard')).toEqual([{ batchId: 'b8' }]);
    expect(useBatchStore.getState()).toMatchObject({ batchId: 'b9', results: [], selectedIndex: null });
  });

  it('when the officer leaves the Decrypt screen', async () => {
    await batchWithPlaintext('b10');
    showScreen('audit');
    expect(main.callsTo('batches.discard')).toEqual([{ batchId: 'b10' }]);
    expect(useNavigationStore.getState().screen).toBe('audit');
    expect(JSON.stringify(useBatchStore.getState())).not.toContain('correct horse');
  });

  it('when the vault becomes unavailable', async () => {
    await batchWithPlaintext('b11');
    applyVaultStatus({ state: 'unavailable', home: HOME, error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'locked' } });
    expect(useBatchStore.getState()).toEqual(initialBatchState);
  });

  it('when an answer to batches.start comes after the officer left: that batch is discarded in main', async () => {
    const answerStart = main.answerLater('batches.start');
    const choosing = chooseCaptures('files');
    await settle();
    showScreen('workflow');
    answerStart({ batchId: 'b12', total: null, totalBytes: null });
    await choosing;
    expect(main.callsTo('batches.discard')).toEqual([{ batchId: 'b12' }]);
    expect(useBatchStore.getState().phase).toBe('idle');
  });
});
