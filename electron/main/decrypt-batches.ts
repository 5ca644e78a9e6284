/**
 * Decrypt batches in the app, with no Electron import: the IPC handlers and the Chromium test
 * bridge use the same manager. Paths chosen in a dialog stay here; the page gets a selection id, a
 * label and a count. A batch of more than one chunk runs on the core's worker threads, so neither
 * the window nor main's event loop waits on decryption, and streams progress and results as
 * events. Results (plaintext included) are kept in memory for export until discarded, as many as
 * BATCH_RESULTS_KEPT allows (the page gets fewer, BATCH_RESULTS_SHOWN), and never logged. Each
 * picked file is read as what its content is (capture-sources.ts: inputKindOf). Progress counts
 * the bytes of the input read against its size, known before reading for files and folders.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { BATCH_RESULTS_KEPT, BATCH_RESULTS_SHOWN, type ResultBudget, describeBudget } from '../../shared/contract';
import {
  type BatchBytes,
  type BatchCounts,
  type CaptureKind,
  type CaptureSelection,
  type DecryptItemResult,
  type DecryptScope,
  type ExportFormat,
  plaintextCopyText,
} from '../../shared/domain';
import { checkDroppedPaths } from './dropped-paths';
import type { EmitEvent } from './emit-event';
import { type IssuedPayloads, createIssuedPayloads } from './issued-payloads';
import { type BudgetUse, takeWithin, unusedBudget } from './result-budget';
import {
  type CaptureItem,
  CHOOSE_ANOTHER_FILE,
  type ChunkInput,
  type Custody,
  CustodyError,
  defaultWorkerCount,
  exportWriter,
  fileCapture,
  folderCaptures,
  harCaptures,
  type InputKind,
  inputKindOf,
  itemChunks,
  measureFolder,
  ndjsonFileChunks,
  privateFileSink,
  toErrorShape,
} from '../custody';

interface Input {
  kind: InputKind;
  path: string;
}

interface Selection {
  inputs: Input[];
  field?: string;
}

interface Batch {
  controller: AbortController;
  /** Kept for export, the batch's first results; let go once they outgrow BATCH_RESULTS_KEPT. */
  results: DecryptItemResult[];
  /** Full when more results came than are kept: export is refused rather than silently partial. */
  kept: BudgetUse;
  shown: BudgetUse;
  received: number;
  /** Bytes of the input read so far (files as read, NDJSON by chunk, a HAR file once it is read). */
  bytesRead: number;
  /** The counts last reported, and when a progress event last went out. */
  counts: BatchCounts;
  progressAt: number;
  onRead: () => void;
  /** Digests of the decrypted bodies sent to the page: the ones it may ask main to copy. */
  shownPlaintexts: IssuedPayloads;
  finished: Promise<void>;
}

export interface BatchManagerOptions {
  custody: Custody;
  emit: EmitEvent;
  /** The built decrypt-worker file (out/main/decrypt-worker.js in the app). */
  workerScript: string;
  /** What the page gets and what main keeps of each batch (the contract's limits unless a test asks). */
  limits?: { shown: ResultBudget; kept: ResultBudget };
}

const SELECTION_KINDS: Record<InputKind, CaptureKind> = { file: 'files', folder: 'folder', ndjson: 'ndjson', har: 'har' };

function selectionKind(inputs: readonly Input[]): CaptureKind {
  const kinds = new Set(inputs.map((input) => SELECTION_KINDS[input.kind]));
  const [only] = kinds;
  return kinds.size === 1 && only !== undefined ? only : 'mixed';
}

/** A capture file, a folder's files or a HAR file's entries, counting the bytes read as they go. */
async function* inputItems(input: Input, read: (bytes: number) => void): AsyncGenerator<CaptureItem> {
  if (input.kind === 'har') {
    yield* harCaptures(input.path);
    read((await stat(input.path).catch(() => null))?.size ?? 0);
    return;
  }
  const items = input.kind === 'folder' ? folderCaptures(input.path) : fileCapture(input.path);
  for await (const item of items) {
    if ('text' in item) read(Buffer.byteLength(item.text));
    yield item;
  }
}

async function* itemsOf(inputs: readonly Input[], read: (bytes: number) => void): AsyncGenerator<CaptureItem> {
  for (const input of inputs) yield* inputItems(input, read);
}

/**
 * The inputs in the order picked: NDJSON files as line chunks, and each run of other inputs as
 * one stream of items, so many small files still make few chunks.
 */
async function* chunksOf(selection: Selection, read: (bytes: number) => void): AsyncGenerator<ChunkInput> {
  let run: Input[] = [];
  for (const input of [...selection.inputs, null]) {
    if (input !== null && input.kind !== 'ndjson') {
      run.push(input);
      continue;
    }
    if (run.length > 0) yield* itemChunks(itemsOf(run, read));
    run = [];
    if (input === null) return;
    for await (const chunk of ndjsonFileChunks(input.path, selection.field, path.basename(input.path))) {
      if (chunk.kind === 'ndjson') read(chunk.bytes.byteLength);
      yield chunk;
    }
  }
}

/**
 * What is known before reading: the files (a folder's counted), their bytes, and the items when
 * each file is one (NDJSON lines and HAR entries are only counted as read).
 */
async function measure(inputs: readonly Input[]): Promise<{ files: number; items: number | null; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const input of inputs) {
    const size =
      input.kind === 'folder'
        ? await measureFolder(input.path)
        : { files: 1, bytes: (await stat(input.path).catch(() => null))?.size ?? 0 };
    files += size.files;
    bytes += size.bytes;
  }
  const onePerFile = inputs.every((input) => input.kind === 'file' || input.kind === 'folder');
  return { files, items: onePerFile ? files : null, bytes };
}

/** How often reading alone sends progress (the engine sends it as chunks are decrypted too). */
const PROGRESS_MS = 100;

function tooLargeToExport(kept: ResultBudget): CustodyError {
  return new CustodyError(
    'INVALID_INPUT',
    `This batch is larger than the app keeps for export (${describeBudget(kept)}). Export it with "custody decrypt --output FILE".`,
  );
}

function notFound(what: string): CustodyError {
  return new CustodyError('NOT_FOUND', `That ${what} is no longer open. Choose the captures again.`);
}

export function createBatchManager({
  custody,
  emit,
  workerScript,
  limits = { shown: BATCH_RESULTS_SHOWN, kept: BATCH_RESULTS_KEPT },
}: BatchManagerOptions) {
  const selections = new Map<string, Selection>();
  const batches = new Map<string, Batch>();

  function run(
    batchId: string,
    batch: Batch,
    chunks: AsyncIterable<ChunkInput>,
    scope: DecryptScope,
    total: number | null,
    totalBytes: number | null,
  ) {
    const bytes = (): BatchBytes => ({ read: batch.bytesRead, total: totalBytes });
    const progress = () => {
      batch.progressAt = Date.now();
      emit('batch.progress', { batchId, counts: batch.counts, bytes: bytes() });
    };
    // Reading runs ahead of decrypting by the chunks in flight: the bar moves as bytes are read,
    // at most every PROGRESS_MS, also while the first chunk is still being decrypted.
    batch.onRead = () => {
      if (Date.now() - batch.progressAt >= PROGRESS_MS) progress();
    };
    return custody
      .decryptBatch(
        chunks,
        scope,
        { kind: 'results' },
        (output) => {
          const results = output.results ?? [];
          batch.received += results.length;
          batch.results.push(...takeWithin(results, batch.kept, limits.kept));
          // Export is refused once a result did not fit, so what was kept for it can go.
          if (batch.kept.full) batch.results = [];
          const shown = takeWithin(results, batch.shown, limits.shown);
          for (const result of shown) if (result.ok) batch.shownPlaintexts.remember(plaintextCopyText(result.plaintext));
          if (shown.length > 0) emit('batch.results', { batchId, results: shown });
        },
        {
          signal: batch.controller.signal,
          total,
          onProgress: (counts) => {
            batch.counts = counts;
            progress();
          },
          workers: { script: workerScript, count: defaultWorkerCount() },
        },
      )
      .then((summary) => {
        const { cancelled, matchedKeyIds: _matched, ...counts } = summary;
        emit('batch.finished', { batchId, counts, bytes: bytes(), cancelled, error: null, exportable: !batch.kept.full });
        emit('vault.changed', { reason: 'batches.finished' });
      })
      .catch((error: unknown) => {
        const counts = { done: batch.received, total, decrypted: 0, noMatchingKey: 0, malformed: 0, otherErrors: 0 };
        emit('batch.finished', {
          batchId,
          counts,
          bytes: bytes(),
          cancelled: false,
          error: toErrorShape(error),
          exportable: !batch.kept.full,
        });
      });
  }

  const manager = {
    /** Remembers what the user picked in the open dialog, each path by its kind; null when they cancelled. */
    async choose(paths: readonly string[], field?: string): Promise<CaptureSelection | null> {
      if (paths.length === 0) return null;
      const inputs = await Promise.all(paths.map(async (p) => ({ kind: await inputKindOf(p), path: p })));
      const id = randomUUID();
      selections.set(id, { inputs, field });
      const waitsForStart = inputs.some((input) => input.kind === 'folder');
      const files = waitsForStart ? (await measure(inputs)).files : paths.length;
      const [only] = paths;
      const label = paths.length === 1 && only !== undefined ? path.basename(only) : `${paths.length} items`;
      return { id, kind: selectionKind(inputs), label, files, waitsForStart };
    },

    async start(
      scope: DecryptScope,
      input: { from: 'selection'; selectionId: string } | { from: 'paste'; payloads: CaptureItem[] },
    ) {
      const batch: Batch = {
        controller: new AbortController(),
        results: [],
        kept: unusedBudget(),
        shown: unusedBudget(),
        received: 0,
        bytesRead: 0,
        counts: { done: 0, total: null, decrypted: 0, noMatchingKey: 0, malformed: 0, otherErrors: 0 },
        progressAt: 0,
        onRead: () => undefined,
        shownPlaintexts: createIssuedPayloads(limits.shown.results),
        finished: Promise.resolve(),
      };
      const read = (bytes: number) => {
        batch.bytesRead += bytes;
        batch.onRead();
      };
      let chunks: AsyncIterable<ChunkInput>;
      let total: number | null;
      let totalBytes: number;
      if (input.from === 'paste') {
        chunks = itemChunks(
          (function* () {
            for (const item of input.payloads) {
              if ('text' in item) read(Buffer.byteLength(item.text));
              yield item;
            }
          })(),
        );
        total = input.payloads.length;
        totalBytes = input.payloads.reduce((sum, item) => sum + ('text' in item ? Buffer.byteLength(item.text) : 0), 0);
      } else {
        const selection = selections.get(input.selectionId);
        if (!selection) throw notFound('selection');
        selections.delete(input.selectionId);
        chunks = chunksOf(selection, read);
        const measured = await measure(selection.inputs);
        total = measured.items;
        totalBytes = measured.bytes;
      }
      // The scope is checked now, so a wrong workflow is an answer to `start`, not a failed batch;
      // the key copies this makes are wiped at once (the batch makes its own).
      for (const candidate of await custody.candidates(scope)) candidate.material.fill(0);
      const batchId = randomUUID();
      batch.counts = { ...batch.counts, total };
      batches.set(batchId, batch);
      batch.finished = run(batchId, batch, chunks, scope, total, totalBytes);
      return { batchId, total, totalBytes };
    },

    /** Files and folders dropped on the window: checked (dropped-paths.ts), then run as if picked. */
    async startDropped(scope: DecryptScope, paths: readonly string[]) {
      await checkDroppedPaths(paths);
      const selection = await manager.choose(paths);
      if (!selection) throw new CustodyError('INVALID_INPUT', 'Nothing was dropped. Drop capture files or a folder.');
      return manager.start(scope, { from: 'selection', selectionId: selection.id });
    },

    /** A decrypted body one of the batches sent to the page, which may then be copied from main. */
    wasShown(text: string): boolean {
      return [...batches.values()].some((batch) => batch.shownPlaintexts.wasIssued(text));
    },

    cancel(batchId: string): void {
      const batch = batches.get(batchId);
      if (!batch) throw notFound('batch');
      batch.controller.abort();
    },

    /**
     * Writes the kept results to `target`, readable by this user only (an existing file too);
     * plaintext only when asked. Streamed a result at a time, so the file is never one string.
     */
    async export(batchId: string, format: ExportFormat, includePlaintext: boolean, target: string): Promise<void> {
      const batch = batches.get(batchId);
      if (!batch) throw notFound('batch');
      await batch.finished;
      if (batch.kept.full) throw tooLargeToExport(limits.kept);
      const file = await privateFileSink(target, CHOOSE_ANOTHER_FILE);
      // A file of plaintext is recorded (R11) before anything is written into it.
      if (includePlaintext) {
        await custody.recordPlaintextExport(target, format, batch.results.length).catch(async (error: unknown) => {
          await file.discard();
          throw error;
        });
      }
      const writer = exportWriter(format, { plaintext: includePlaintext });
      await file.write(writer.head());
      for (const result of batch.results) await file.write(writer.item(result));
      await file.write(writer.tail());
      await file.finish();
    },

    discard(batchId: string): void {
      const batch = batches.get(batchId);
      if (!batch) return;
      batch.controller.abort();
      batches.delete(batchId);
    },

    /** Cancels everything (the app is quitting or the vault locked). */
    async stopAll(): Promise<void> {
      for (const batch of batches.values()) batch.controller.abort();
      await Promise.all([...batches.values()].map((b) => b.finished));
      batches.clear();
      selections.clear();
    },
  };
  return manager;
}

export type BatchManager = ReturnType<typeof createBatchManager>;
