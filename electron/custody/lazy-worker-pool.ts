import { decryptChunkLater, type OutputMode } from './decrypt-chunk';
import { type WorkerPool, createWorkerPool } from './decrypt-pool';
import { type Candidate, describeCandidates } from './payload-decryptor';

/**
 * A worker pool that starts its workers only when a batch reaches its second chunk. A batch that
 * fits in one chunk (a handful of files, a paste) gains nothing from workers, since one chunk runs
 * on one thread anyway, so it is decrypted here without paying for their start.
 */
export function createLazyWorkerPool(
  workerScript: string,
  candidates: readonly Candidate[],
  mode: OutputMode,
  size: number,
): WorkerPool {
  const infos = describeCandidates(candidates);
  let pool: WorkerPool | null = null;
  let chunks = 0;
  return {
    size,
    hasRoom: () => pool?.hasRoom() ?? true,
    async run(chunk) {
      if (chunks++ === 0) return decryptChunkLater(chunk, candidates, infos, mode);
      pool ??= createWorkerPool(workerScript, candidates, mode, size);
      return pool.run(chunk);
    },
    decryptHere: (chunk) => (pool ? pool.decryptHere(chunk) : decryptChunkLater(chunk, candidates, infos, mode)),
    async close() {
      await pool?.close();
    },
  };
}
