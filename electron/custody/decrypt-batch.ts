/**
 * Runs a batch of captures through R10 decryption chunk by chunk, on worker threads or on this
 * thread; emits outputs in input order, reports progress, honours cancellation, and keeps memory
 * bounded by the chunks in flight, whatever the size of the input.
 */
import type { BatchCounts } from '../../shared/domain';
import type { CaptureItem } from './capture-sources';
import { type ChunkInput, type ChunkOutput, decryptChunk } from './decrypt-chunk';
import { type WorkerPool, createWorkerPool } from './decrypt-pool';
import type { OutputMode } from './decrypt-report';
import { type Candidate, describeCandidates } from './payload-decryptor';

export interface BatchOptions {
  signal?: AbortSignal;
  total?: number | null;
  onProgress?: (counts: BatchCounts) => void;
  /** Decrypt on this many worker threads, started from `script`; without it, on this thread. */
  workers?: { script: string; count: number } | null;
}

export interface BatchSummary extends BatchCounts {
  cancelled: boolean;
  matchedKeyIds: Set<string>;
}

/** A chunk is a few hundred captures or about a megabyte of payload text, whichever comes first. */
const CHUNK_ITEMS = 256;
const CHUNK_CHARS = 1024 * 1024;
/** Enough queued to keep every worker busy while this thread reads and writes; no more, for memory. */
const IN_FLIGHT_PER_WORKER = 4;
const PROGRESS_INTERVAL_MS = 100;

/** Groups single captures (files, HAR entries, pastes) into chunks. */
export async function* itemChunks(items: AsyncIterable<CaptureItem> | Iterable<CaptureItem>): AsyncGenerator<ChunkInput> {
  let chunk: CaptureItem[] = [];
  let chars = 0;
  for await (const item of items) {
    chunk.push(item);
    chars += 'text' in item ? item.text.length : 0;
    if (chunk.length >= CHUNK_ITEMS || chars >= CHUNK_CHARS) {
      yield { kind: 'items', items: chunk };
      chunk = [];
      chars = 0;
    }
  }
  if (chunk.length > 0) yield { kind: 'items', items: chunk };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A promise whose resolve is called from outside: how the reading and the emitting loops wake each other. */
function signal(): { wait: Promise<void>; wake: () => void } {
  let wake = () => undefined as void;
  const wait = new Promise<void>((resolve) => (wake = resolve));
  return { wait, wake };
}

/** `onChunk` receives every chunk's output in input order; results or lines, as `mode` asks. */
export async function runDecryptBatch(
  chunks: AsyncIterable<ChunkInput>,
  candidates: readonly Candidate[],
  mode: OutputMode,
  onChunk: (output: ChunkOutput) => void | Promise<void>,
  options: BatchOptions = {},
): Promise<BatchSummary> {
  const summary: BatchSummary = {
    done: 0,
    total: options.total ?? null,
    decrypted: 0,
    noMatchingKey: 0,
    malformed: 0,
    otherErrors: 0,
    cancelled: false,
    matchedKeyIds: new Set(),
  };
  let lastProgress = 0;
  const progress = (force: boolean) => {
    const now = Date.now();
    if (!options.onProgress || (!force && now - lastProgress < PROGRESS_INTERVAL_MS)) return;
    lastProgress = now;
    const { cancelled: _c, matchedKeyIds: _m, ...counts } = summary;
    options.onProgress(counts);
  };
  const emit = async (output: ChunkOutput) => {
    summary.done += output.items;
    summary.decrypted += output.counts.decrypted;
    summary.noMatchingKey += output.counts.noMatchingKey;
    summary.malformed += output.counts.malformed;
    summary.otherErrors += output.counts.otherErrors;
    for (const id of output.matchedKeyIds) summary.matchedKeyIds.add(id);
    await onChunk(output);
    progress(false);
  };

  const keys = candidates.map((c) => c.material);
  const infos = describeCandidates(candidates);
  const workers = options.workers && options.workers.count > 0 ? options.workers : null;
  let pool = null as WorkerPool | null;
  let chunksRead = 0;
  const decryptHere = async (chunk: ChunkInput): Promise<ChunkOutput | null> => {
    const output = decryptChunk(chunk, keys, infos, mode);
    // Lets a cancel (Ctrl-C, the page's Cancel) and the output through between chunks.
    await yieldToEventLoop();
    return output;
  };

  // Two loops: one reads and submits chunks while fewer than `maxQueued` wait; the other emits them
  // in input order as each is done, also while the reader waits on a slow source (a pipe).
  const maxQueued = (workers?.count ?? 1) * IN_FLIGHT_PER_WORKER;
  const queue: Promise<ChunkOutput | null>[] = [];
  let readerDone = false;
  let stopped = false;
  let skipped = false;
  const cancelWorkers = () => pool?.cancel();
  options.signal?.addEventListener('abort', cancelWorkers, { once: true });
  let queued = signal();
  let space = signal();
  const reader = (async () => {
    try {
      for await (const chunk of chunks) {
        if (stopped || options.signal?.aborted) break;
        // A batch's first chunk is decrypted on this thread: a batch that fits in one chunk (a
        // paste, a few files) then never pays for starting workers. From the second on, workers do.
        const here = !workers || chunksRead++ === 0;
        const output = here
          ? decryptHere(chunk)
          : (pool ??= createWorkerPool(workers.script, { keys, infos, mode }, workers.count)).run(chunk);
        // Handled where it is emitted; marked handled here for a batch that stopped before then.
        output.catch(() => undefined);
        queue.push(output);
        queued.wake();
        if (here) await output;
        while (queue.length >= maxQueued && !stopped) await space.wait;
      }
    } finally {
      readerDone = true;
      queued.wake();
    }
  })();
  // Awaited below; marked handled for a batch whose emitting failed first.
  reader.catch(() => undefined);
  try {
    for (;;) {
      const next = queue[0];
      if (!next) {
        if (readerDone) break;
        await queued.wait;
        queued = signal();
        continue;
      }
      const output = await next;
      queue.shift();
      space.wake();
      space = signal();
      // After a cancel, the chunks the workers had started are reported, in order, up to the first
      // they skipped: what a batch reports is always its input's first items.
      if (output === null) skipped = true;
      else if (!skipped) await emit(output);
    }
    await reader;
  } catch (error) {
    stopped = true;
    space.wake();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', cancelWorkers);
    await pool?.close();
  }
  summary.cancelled = options.signal?.aborted ?? false;
  progress(true);
  return summary;
}
