/**
 * Runs a batch of captures through R10 decryption in order, chunk by chunk, on this thread or on a
 * worker pool; reports progress, honours cancellation, and keeps memory bounded by the number of
 * chunks in flight, whatever the size of the input.
 */
import type { BatchCounts } from '../../shared/domain';
import type { CaptureItem } from './capture-sources';
import { type ChunkInput, type ChunkOutput, type OutputMode, type PendingOutput, decryptChunk } from './decrypt-chunk';
import { type Candidate, describeCandidates } from './payload-decryptor';

export interface DecryptPool {
  readonly size: number;
  /** Whether a worker should be given another chunk now; when not, this thread decrypts it. */
  hasRoom(): boolean;
  run(chunk: ChunkInput): Promise<PendingOutput>;
  /** Decrypts a chunk on the calling thread, its output to be made when it is emitted. */
  decryptHere(chunk: ChunkInput): PendingOutput;
}

export interface BatchOptions {
  signal?: AbortSignal;
  total?: number | null;
  onProgress?: (counts: BatchCounts) => void;
  /** Decrypt on worker threads (created for the batch's output mode); without it, on this thread. */
  pool?: DecryptPool | null;
  /** Progress is reported at most this often (and once at the end). */
  progressIntervalMs?: number;
}

export interface BatchSummary extends BatchCounts {
  cancelled: boolean;
  matchedKeyIds: Set<string>;
}

/**
 * A chunk is small enough that its results die young: results that outlive a young-generation
 * collection get copied, and for large plaintexts that copying costs more than decrypting.
 */
const CHUNK_ITEMS = 256;
const CHUNK_CHARS = 1024 * 1024;

/** Groups single captures (files, HAR entries, pastes) into chunks. */
export async function* itemChunks(items: AsyncIterable<CaptureItem> | Iterable<CaptureItem>): AsyncGenerator<ChunkInput> {
  let chunk: CaptureItem[] = [];
  let chars = 0;
  const add = (item: CaptureItem): ChunkInput | null => {
    chunk.push(item);
    chars += 'text' in item ? item.text.length : 0;
    if (chunk.length < CHUNK_ITEMS && chars < CHUNK_CHARS) return null;
    const full: ChunkInput = { kind: 'items', items: chunk };
    chunk = [];
    chars = 0;
    return full;
  };
  // A plain list is walked without an await per item.
  if (Symbol.iterator in items) {
    for (const item of items) {
      const full = add(item);
      if (full) yield full;
    }
  } else {
    for await (const item of items) {
      const full = add(item);
      if (full) yield full;
    }
  }
  if (chunk.length > 0) yield { kind: 'items', items: chunk };
}

/**
 * Chunks in flight per worker, done or not, waiting to be emitted in input order. Room beyond the
 * workers' queues lets this thread go on decrypting chunks of its own while the oldest chunk is still
 * on a worker; what waits holds bytes in the pool's slots, not strings (PendingOutput), about a
 * chunk (1 MiB of text) each. Measured at 64 KiB payloads with the key first, one worker and this
 * thread, in the bench as it was before its contenders had processes of their own: 4 in flight gave
 * ~1.4x the bare loop, 17 gave ~1.8x.
 */
const IN_FLIGHT_PER_WORKER = 16;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Which settles first: the source's next chunk, or the oldest chunk on the workers. */
function firstSettled(chunk: Promise<unknown>, output: Promise<unknown>): Promise<'chunk' | 'output'> {
  const settled = <T>(promise: Promise<unknown>, value: T) =>
    promise.then(
      () => value,
      () => value,
    );
  return Promise.race([settled(chunk, 'chunk' as const), settled(output, 'output' as const)]);
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
  const interval = options.progressIntervalMs ?? 100;
  let lastProgress = 0;
  const progress = (force: boolean) => {
    const now = Date.now();
    if (!options.onProgress || (!force && now - lastProgress < interval)) return;
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

  const pool = options.pool;
  const infos = describeCandidates(candidates);
  const inFlight: Promise<PendingOutput>[] = [];
  const maxInFlight = pool ? pool.size * IN_FLIGHT_PER_WORKER + 1 : 0;
  const iterator = chunks[Symbol.asyncIterator]();
  const advance = () => {
    const next = iterator.next();
    // A read still pending when the batch stops may fail later; nobody waits for it then.
    next.catch(() => undefined);
    return next;
  };
  try {
    let next = advance();
    while (!options.signal?.aborted) {
      // The oldest chunk is emitted when the window is full, or as soon as it is done while the
      // source has no next chunk yet (a pipe); either way the next chunk is already being read.
      if (inFlight.length > 0 && (inFlight.length >= maxInFlight || (await firstSettled(next, inFlight[0])) === 'output')) {
        await emit((await (inFlight.shift() as Promise<PendingOutput>))());
        continue;
      }
      const result = await next;
      if (result.done || options.signal?.aborted) break;
      if (pool?.hasRoom()) {
        inFlight.push(pool.run(result.value));
      } else if (pool) {
        // The workers have all they can take: this thread decrypts the chunk itself rather than
        // wait, so every core works (on two cores: one worker and this thread).
        inFlight.push(Promise.resolve(pool.decryptHere(result.value)));
        await yieldToEventLoop();
      } else {
        await emit(decryptChunk(result.value, candidates, infos, mode));
        await yieldToEventLoop();
      }
      next = advance();
    }
  } finally {
    void iterator.return?.().catch(() => undefined);
  }
  // Chunks already handed to workers are finished and reported even after a cancel, in order.
  while (inFlight.length > 0) await emit((await (inFlight.shift() as Promise<PendingOutput>))());
  summary.cancelled = options.signal?.aborted ?? false;
  progress(true);
  return summary;
}
