import { availableParallelism } from 'node:os';
import { type Transferable, Worker } from 'node:worker_threads';
import { CustodyError } from './custody-error';
import type { DecryptPool } from './decrypt-batch';
import {
  type ChunkInput,
  type OutputMode,
  type PendingOutput,
  type WorkerReply,
  type WorkerRequest,
  type ChunkSlot,
  chunkOutput,
  emptySlot,
  requestFor,
  serveRequest,
} from './decrypt-chunk';
import { type Candidate, describeCandidates } from './payload-decryptor';

interface Pending {
  resolve: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
}

export interface WorkerPool extends DecryptPool {
  close(): Promise<void>;
}

const WORKER_YOUNG_GENERATION_MB = 8;

/**
 * Work kept queued on each worker, in milliseconds at the worker's recent pace: enough to outlast
 * this thread's longest busy spell (a chunk of its own, emitting, a ~1 ms garbage collection), and
 * no more, since a batch's last chunks wait on their worker while this thread has nothing left to
 * do. Measured at 64 KiB payloads with the key first (a chunk takes the worker ~0.5 ms): given three
 * chunks at a time the worker was busy 82–84 % of a batch, given five or six 98–99 %; with six at a
 * time, the key-fourth rows (2 ms a chunk) lost ~5 % to that wait.
 */
const BACKLOG_MS = 3;
const MIN_QUEUED = 2;
const MAX_QUEUED = 8;

/** What the pool knows of a worker when it places a chunk. */
export interface WorkerLoad {
  /** Chunks sent and not yet back. */
  queued: number;
  /** Milliseconds a chunk takes it lately; unknown until one came back. */
  paceMs: number | undefined;
}

function hasRoomFor({ queued, paceMs }: WorkerLoad): boolean {
  return queued < MIN_QUEUED || (paceMs !== undefined && queued < MAX_QUEUED && queued * paceMs < BACKLOG_MS);
}

/**
 * The worker that takes the next chunk: of those with room, the one with the fewest chunks queued;
 * null when none has room, and the calling thread decrypts the chunk itself. Asking "has any room"
 * and then picking the least-queued of all could hand the chunk to a slow worker without room while
 * a quicker one had it (three cores or more).
 */
export function workerWithRoom(loads: readonly WorkerLoad[]): number | null {
  let chosen: number | null = null;
  loads.forEach((load, i) => {
    if (hasRoomFor(load) && (chosen === null || load.queued < loads[chosen].queued)) chosen = i;
  });
  return chosen;
}

/**
 * One worker per core but one: the coordinating thread decrypts too whenever the workers are full
 * (decrypt-batch.ts), so it takes the last core rather than a third thread competing for two.
 */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * NDJSON bytes move to the worker without a copy when they own a large ArrayBuffer; a small one
 * may be a slice of Node's shared buffer pool, which must never be detached, so it is copied.
 */
function transferList(request: WorkerRequest): Transferable[] {
  if (request.kind !== 'ndjson') return [];
  if (request.bytes.buffer.byteLength > Buffer.poolSize && request.bytes.buffer instanceof ArrayBuffer)
    return [request.bytes.buffer];
  request.bytes = new Uint8Array(request.bytes);
  return [request.bytes.buffer as ArrayBuffer];
}

/**
 * Decrypt workers for one batch. The candidates' key material is copied to each worker once, at
 * start, and dropped with the workers when the batch closes the pool. `workerScript` is the built
 * decrypt-worker file (the CLI bundle and the app each ship one).
 */
export function createWorkerPool(
  workerScript: string,
  candidates: readonly Candidate[],
  mode: OutputMode,
  size = defaultWorkerCount(),
): WorkerPool {
  const workerCandidates = candidates.map((c) => ({ ...c, material: new Uint8Array(c.material) }));
  const infos = describeCandidates(candidates);
  const pending = new Map<number, Pending>();
  // Shared memory of the chunks in flight, reused: one slot per chunk at a time.
  const freeSlots: ChunkSlot[] = [];
  /** Each worker's load, by the worker's index; its pace is a moving average of what it reports. */
  const loads: WorkerLoad[] = Array.from({ length: size }, () => ({ queued: 0, paceMs: undefined }));
  let nextId = 0;
  let failure: Error | null = null;

  const workers = loads.map((load) => {
    const worker = new Worker(workerScript, {
      workerData: { candidates: workerCandidates, mode },
      // A worker's garbage is chunk-sized and dies young: a small young generation collects it
      // before it grows into tens of megabytes per worker (a 1 GB NDJSON went from ~300 to ~200 MB).
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    worker.on('message', ({ id, reply, ms }: { id: number; reply: WorkerReply; ms: number }) => {
      load.queued--;
      load.paceMs = load.paceMs === undefined ? ms : 0.8 * load.paceMs + 0.2 * ms;
      pending.get(id)?.resolve(reply);
      pending.delete(id);
    });
    worker.on('error', () => {
      failure = new CustodyError('INTERNAL', 'A decrypt worker stopped unexpectedly. The batch was interrupted; run it again.');
      for (const p of pending.values()) p.reject(failure);
      pending.clear();
    });
    return worker;
  });

  /** The chunk's output, made when it is emitted; then its slot serves another chunk. */
  const completion =
    (chunk: ChunkInput, reply: WorkerReply, slot: ChunkSlot): PendingOutput =>
    () => {
      const output = chunkOutput(chunk, reply, candidates, infos, slot);
      freeSlots.push(slot);
      return output;
    };

  return {
    size,
    hasRoom(): boolean {
      return workerWithRoom(loads) !== null;
    },
    async run(chunk: ChunkInput): Promise<PendingOutput> {
      if (failure) throw failure;
      // Sent without room only by a caller that did not ask hasRoom(): then the least queued.
      const index = workerWithRoom(loads) ?? loads.reduce((a, load, i) => (load.queued < loads[a].queued ? i : a), 0);
      const worker = workers[index];
      loads[index].queued++;
      const id = nextId++;
      const slot = freeSlots.pop() ?? emptySlot();
      const request = requestFor(chunk, mode, slot);
      const reply = await new Promise<WorkerReply>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, request }, transferList(request));
      });
      return completion(chunk, reply, slot);
    },
    /**
     * Into a slot like a worker's chunk: plaintexts kept in buffers of their own until their chunk
     * is emitted outlived young collections, and as old objects their memory was given back only by
     * major collections (64 KiB payloads: ~15 a second, and ~1.2x the bare loop instead of 1.3–1.6x).
     */
    decryptHere(chunk: ChunkInput): PendingOutput {
      const slot = freeSlots.pop() ?? emptySlot();
      return completion(chunk, serveRequest({ ...chunk, plain: slot.plain }, candidates, infos, mode), slot);
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.terminate()));
      workerCandidates.forEach((c) => c.material.fill(0));
    },
  };
}
