import { availableParallelism } from 'node:os';
import { type Transferable, Worker } from 'node:worker_threads';
import { CustodyError } from './custody-error';
import type { ChunkInput, ChunkOutput } from './decrypt-chunk';
import type { OutputMode } from './decrypt-report';
import type { CandidateInfo } from './payload-decryptor';

/** What a worker is given once, at its start. */
export interface WorkerSetup {
  keys: Uint8Array[];
  infos: CandidateInfo[];
  mode: OutputMode;
}

/** What a worker is sent after its setup. */
export type WorkerMessage = ChunkInput | 'cancel' | 'close';

export interface WorkerPool {
  readonly size: number;
  /**
   * The chunk's output, decrypted on the worker with the fewest chunks waiting; null when the batch
   * was cancelled before the worker started it.
   */
  run(chunk: ChunkInput): Promise<ChunkOutput | null>;
  /** Workers finish the chunk they are on and skip the ones waiting. */
  cancel(): void;
  /** Ends the workers; each zeroes its copy of the keys first. */
  close(): Promise<void>;
}

/** One worker per core: the calling thread only reads input and writes output. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}

/** NDJSON bytes move to the worker; bytes that share their memory with others are copied first. */
function transferable(chunk: ChunkInput): { chunk: ChunkInput; transfer: Transferable[] } {
  if (chunk.kind !== 'ndjson') return { chunk, transfer: [] };
  const { bytes } = chunk;
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  const moved = own ? bytes : new Uint8Array(bytes);
  return { chunk: { ...chunk, bytes: moved }, transfer: [moved.buffer as ArrayBuffer] };
}

/**
 * Plain worker_threads with message passing. `workerScript` is the built decrypt-worker file (the
 * CLI bundle and the app each ship one). Each worker gets its own copy of the keys.
 */
export function createWorkerPool(workerScript: string, setup: WorkerSetup, size: number): WorkerPool {
  const workers = Array.from({ length: size }, () => {
    const keys = setup.keys.map((key) => new Uint8Array(key));
    const worker = new Worker(workerScript, { workerData: { ...setup, keys } satisfies WorkerSetup });
    const waiting: { resolve: (output: ChunkOutput | null) => void; reject: (error: Error) => void }[] = [];
    const fail = () => {
      const error = new CustodyError(
        'INTERNAL',
        'A decrypt worker stopped unexpectedly. The batch was interrupted; run it again.',
      );
      for (const pending of waiting.splice(0)) pending.reject(error);
    };
    worker.on('message', (output: ChunkOutput | null) => waiting.shift()?.resolve(output));
    worker.on('error', fail);
    const exited = new Promise<void>((resolve) =>
      worker.once('exit', () => {
        fail();
        resolve();
      }),
    );
    return { worker, waiting, exited };
  });
  return {
    size,
    run(chunk) {
      const least = workers.reduce((a, b) => (b.waiting.length < a.waiting.length ? b : a));
      const { chunk: message, transfer } = transferable(chunk);
      return new Promise((resolve, reject) => {
        least.waiting.push({ resolve, reject });
        least.worker.postMessage(message satisfies WorkerMessage, transfer);
      });
    },
    cancel() {
      for (const { worker } of workers) worker.postMessage('cancel' satisfies WorkerMessage);
    },
    async close() {
      for (const { worker } of workers) worker.postMessage('close' satisfies WorkerMessage);
      await Promise.all(workers.map(({ exited }) => exited));
    },
  };
}
