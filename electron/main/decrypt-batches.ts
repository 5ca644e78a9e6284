/**
 * Decrypt batches in the app, with no Electron import: the IPC handlers and the Chromium test
 * bridge use the same manager. Paths chosen in a dialog stay here; the page gets a selection id, a
 * label and a count. A batch of more than one chunk runs on the core's worker threads, so neither
 * the window nor main's event loop waits on decryption, and streams progress and results as
 * events. Results (plaintext included) are kept in memory for export until discarded, as many as
 * BATCH_RESULTS_KEPT allows (the page gets fewer, BATCH_RESULTS_SHOWN), and never logged.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { BATCH_RESULTS_KEPT, BATCH_RESULTS_SHOWN, type ResultBudget, describeBudget } from '../../shared/contract';
import type { CaptureKind, CaptureSelection, DecryptItemResult, DecryptScope, ExportFormat } from '../../shared/domain';
import type { EmitEvent } from './emit-event';
import { type BudgetUse, takeWithin, unusedBudget } from './result-budget';
import {
  type CaptureItem,
  CHOOSE_ANOTHER_FILE,
  type ChunkInput,
  countFolderFiles,
  type Custody,
  CustodyError,
  defaultWorkerCount,
  exportWriter,
  fileCapture,
  folderCaptures,
  harCaptures,
  itemChunks,
  ndjsonFileChunks,
  privateFileSink,
  toErrorShape,
} from '../custody';

interface Selection {
  kind: CaptureKind;
  paths: string[];
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

async function* concat(sources: AsyncIterable<ChunkInput>[]): AsyncGenerator<ChunkInput> {
  for (const source of sources) yield* source;
}

async function* captures(
  paths: readonly string[],
  read: (path: string) => AsyncIterable<CaptureItem>,
): AsyncGenerator<CaptureItem> {
  for (const p of paths) yield* read(p);
}

function chunksOf(selection: Selection): AsyncIterable<ChunkInput> {
  switch (selection.kind) {
    case 'files':
      return itemChunks(captures(selection.paths, fileCapture));
    case 'folder':
      return itemChunks(captures(selection.paths, folderCaptures));
    case 'har':
      return itemChunks(captures(selection.paths, harCaptures));
    case 'ndjson':
      return concat(selection.paths.map((p) => ndjsonFileChunks(p, selection.field, path.basename(p))));
  }
}

/** One item per file for files and folders; NDJSON lines and HAR entries are only known by reading. */
async function itemsKnownUpFront(selection: Selection): Promise<number | null> {
  if (selection.kind === 'files') return selection.paths.length;
  if (selection.kind !== 'folder') return null;
  return (await Promise.all(selection.paths.map(countFolderFiles))).reduce((a, b) => a + b, 0);
}

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

  function run(batchId: string, batch: Batch, chunks: AsyncIterable<ChunkInput>, scope: DecryptScope, total: number | null) {
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
          if (shown.length > 0) emit('batch.results', { batchId, results: shown });
        },
        {
          signal: batch.controller.signal,
          total,
          onProgress: (counts) => emit('batch.progress', { batchId, counts }),
          workers: { script: workerScript, count: defaultWorkerCount() },
        },
      )
      .then((summary) => {
        const { cancelled, matchedKeyIds: _matched, ...counts } = summary;
        emit('batch.finished', { batchId, counts, cancelled, error: null, exportable: !batch.kept.full });
        emit('vault.changed', { reason: 'batches.finished' });
      })
      .catch((error: unknown) => {
        const counts = { done: batch.received, total, decrypted: 0, noMatchingKey: 0, malformed: 0, otherErrors: 0 };
        emit('batch.finished', { batchId, counts, cancelled: false, error: toErrorShape(error), exportable: !batch.kept.full });
      });
  }

  return {
    /** Remembers what the user picked in the open dialog; null when they cancelled. */
    async choose(kind: CaptureKind, paths: readonly string[], field?: string): Promise<CaptureSelection | null> {
      if (paths.length === 0) return null;
      const id = randomUUID();
      selections.set(id, { kind, paths: [...paths], field });
      const files = kind === 'folder' ? ((await itemsKnownUpFront({ kind, paths: [...paths] })) ?? 0) : paths.length;
      const [only] = paths;
      const label = paths.length === 1 && only !== undefined ? path.basename(only) : `${paths.length} files`;
      return { id, kind, label, files };
    },

    async start(
      scope: DecryptScope,
      input: { from: 'selection'; selectionId: string } | { from: 'paste'; payloads: CaptureItem[] },
    ) {
      let chunks: AsyncIterable<ChunkInput>;
      let total: number | null;
      if (input.from === 'paste') {
        chunks = itemChunks(input.payloads);
        total = input.payloads.length;
      } else {
        const selection = selections.get(input.selectionId);
        if (!selection) throw notFound('selection');
        selections.delete(input.selectionId);
        chunks = chunksOf(selection);
        total = await itemsKnownUpFront(selection);
      }
      // The scope is checked now, so a wrong workflow is an answer to `start`, not a failed batch;
      // the key copies this makes are wiped at once (the batch makes its own).
      for (const candidate of await custody.candidates(scope)) candidate.material.fill(0);
      const batchId = randomUUID();
      const batch: Batch = {
        controller: new AbortController(),
        results: [],
        kept: unusedBudget(),
        shown: unusedBudget(),
        received: 0,
        finished: Promise.resolve(),
      };
      batches.set(batchId, batch);
      batch.finished = run(batchId, batch, chunks, scope, total);
      return { batchId, total };
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
}

export type BatchManager = ReturnType<typeof createBatchManager>;
