import type { RequestOf, ResponseOf } from '../../../shared/contract';
import type { CaptureDialog, CaptureSelection, DecryptScope, ExportFormat } from '../../../shared/domain';
import type { Result } from '../../../shared/errors';
import { custody } from '../client/custody';
import { plural } from '../lib/format';
import type { ResultFilter } from '../lib/result-rows';
import { type BatchInput, useBatchStore } from '../state/batch-store';
import { useDecryptStore } from '../state/decrypt-store';
import { batchStartFailed, batchStarted, dropBatchState } from './batch-events';
import { discardBatch } from './discard-batch';
import { latestRequest } from './latest-request';
import { notify } from './notify';
import { isInlineError, reportFailure } from './vault-actions';

type StartInput = RequestOf<'batches.start'>['input'];
/** Asks main to start a batch over the given keys. */
type Begin = (scope: DecryptScope) => Promise<Result<ResponseOf<'batches.start'>>>;

const fromInput =
  (input: StartInput): Begin =>
  (scope) =>
    custody().batches.start({ scope, input });

function inputOf(selection: CaptureSelection): BatchInput {
  return { kind: selection.kind, label: selection.label, files: selection.files };
}

const startRequest = latestRequest();

async function startBatch(begin: Begin, shown: BatchInput): Promise<void> {
  discardBatch();
  // One result area at a time: the cards of a pasted capture give way to the batch.
  useDecryptStore.setState({ results: [], error: null });
  const { scope } = useDecryptStore.getState();
  const isLatest = startRequest();
  useBatchStore.setState({ phase: 'starting', input: shown, scope });
  const result = await begin(scope);
  if (!isLatest() || useBatchStore.getState().phase !== 'starting') {
    // The officer left or started another batch meanwhile: this one is not wanted.
    if (result.ok) void custody().batches.discard({ batchId: result.value.batchId });
    return;
  }
  if (!result.ok) {
    batchStartFailed();
    useBatchStore.setState({ phase: 'idle', input: null, scope: null, error: isInlineError(result.error) ? result.error : null });
    return;
  }
  batchStarted(result.value.batchId, result.value.total, result.value.totalBytes);
}

/**
 * The OS open dialog runs in main, which keeps the paths and reads each file as what its content
 * is; the page gets a label and a count. A folder is counted first and waits for Start; files
 * start as soon as they are chosen.
 */
export async function chooseCaptures(dialog: CaptureDialog): Promise<void> {
  const { choosing, ndjsonField } = useBatchStore.getState();
  if (choosing) return;
  useBatchStore.setState({ choosing: true });
  const field = ndjsonField.trim() !== '' ? ndjsonField.trim() : undefined;
  const result = await custody().batches.choose({ dialog, field });
  useBatchStore.setState({ choosing: false });
  if (!result.ok) {
    if (isInlineError(result.error)) useBatchStore.setState({ error: result.error });
    return;
  }
  const { selection } = result.value;
  if (selection === null) return;
  if (selection.waitsForStart) {
    discardBatch();
    useDecryptStore.setState({ results: [], error: null });
    useBatchStore.setState({ phase: 'selected', input: inputOf(selection), selectionId: selection.id });
    return;
  }
  await startBatch(fromInput({ from: 'selection', selectionId: selection.id }), inputOf(selection));
}

/** Start on the folder counted by chooseBatchInput. */
export function startSelectedBatch(): Promise<void> {
  const { phase, selectionId, input } = useBatchStore.getState();
  if (phase !== 'selected' || selectionId === null || input === null) return Promise.resolve();
  return startBatch(fromInput({ from: 'selection', selectionId }), input);
}

export function forgetSelection(): void {
  if (useBatchStore.getState().phase === 'selected') dropBatchState();
}

/** Captures the page already read (dropped files): too many for result cards, so they run as a batch. */
export function startPastedBatch(payloads: Array<{ source: string; text: string }>): Promise<void> {
  return startBatch(fromInput({ from: 'paste', payloads }), {
    kind: 'dropped',
    label: plural(payloads.length, 'dropped file'),
    files: payloads.length,
  });
}

/**
 * Files and folders dropped together: main walks them as it does picked ones. The page hands
 * over the File objects only; the preload gives main their paths.
 */
export function startDroppedBatch(files: readonly File[]): Promise<void> {
  const [only] = files;
  const label = files.length === 1 && only !== undefined ? only.name : plural(files.length, 'dropped item');
  return startBatch((scope) => custody().batches.startDropped({ scope, files }), {
    kind: 'dropped',
    label,
    files: files.length,
  });
}

export async function cancelBatch(): Promise<void> {
  const { batchId, phase } = useBatchStore.getState();
  if (batchId === null || phase !== 'running') return;
  useBatchStore.setState({ phase: 'cancelling' });
  const result = await custody().batches.cancel({ batchId });
  if (!result.ok) reportFailure(result.error);
}

export function selectBatchResult(index: number | null): void {
  useBatchStore.setState({ selectedIndex: index });
}

export function setBatchFilter(filter: ResultFilter): void {
  useBatchStore.setState({ filter });
}

export function setNdjsonField(ndjsonField: string): void {
  useBatchStore.setState({ ndjsonField });
}

/** An export with decrypted bodies is asked about first, before the save dialog and before anything is written. */
export function askPlaintextExport(): void {
  useBatchStore.setState({ confirmingPlaintextExport: true });
}

export function closePlaintextExport(): void {
  useBatchStore.setState({ confirmingPlaintextExport: false });
}

/**
 * The save dialog runs in main; a cancelled dialog is no news, so it shows nothing. With
 * plaintext only from the question's confirm button (askPlaintextExport).
 */
export async function exportBatch(format: ExportFormat, includePlaintext = false): Promise<void> {
  const { batchId, exporting } = useBatchStore.getState();
  if (batchId === null || exporting) return;
  useBatchStore.setState({ exporting: true, confirmingPlaintextExport: false });
  const result = await custody().batches.export({ batchId, format, includePlaintext });
  if (useBatchStore.getState().batchId !== batchId) return;
  useBatchStore.setState({ exporting: false });
  if (!result.ok) return reportFailure(result.error);
  if (result.value.path === null) return;
  notify.success(includePlaintext ? 'Results exported, with plaintext' : 'Results exported', result.value.path);
}
