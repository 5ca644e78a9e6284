/**
 * How far a second core takes two kinds of work on this machine, measured before the throughput rows:
 * copying memory that no cache holds (64 MiB), and AES-256-GCM over a buffer that stays in cache.
 * Where the first scales much less than the second, work that streams through memory (64 KiB
 * payloads: text in, bytes, plaintext, strings out) gains less from a second thread than work that
 * stays in cache (1 KiB payloads). Started as a worker thread, this file prepares its buffers, then
 * runs its kind of work each time it is told to and answers with the milliseconds it took.
 */
import { createDecipheriv, randomBytes } from 'node:crypto';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

type Kind = 'memory' | 'aes';
const ROUNDS = 7;

function workFor(kind: Kind): () => void {
  if (kind === 'memory') {
    const from = Buffer.alloc(64 * 1024 * 1024, 1);
    const to = Buffer.alloc(from.length);
    return () => {
      for (let i = 0; i < 16; i++) from.copy(to);
    };
  }
  const key = randomBytes(32);
  const nonce = randomBytes(12);
  const ciphertext = randomBytes(64 * 1024);
  return () => {
    for (let i = 0; i < 5000; i++) createDecipheriv('aes-256-gcm', key, nonce).update(ciphertext);
  };
}

export interface MachineScaling {
  /** Two threads' throughput against one thread's: 2 would be a second core's full worth. */
  memory: number;
  aes: number;
}

/** `script` is this file bundled for a worker thread. */
export async function measureMachineScaling(script: string): Promise<MachineScaling> {
  const scaling = async (kind: Kind): Promise<number> => {
    const workers = [0, 1].map(() => new Worker(script, { workerData: kind }));
    try {
      await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
      const run = (w: Worker) =>
        new Promise<number>((resolve) => {
          w.once('message', resolve);
          w.postMessage('go');
        });
      const ratios: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const alone = await run(workers[0]);
        const start = performance.now();
        await Promise.all(workers.map(run));
        ratios.push((2 * alone) / (performance.now() - start));
      }
      return ratios.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  };
  return { memory: await scaling('memory'), aes: await scaling('aes') };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const work = workFor(workerData as Kind);
  work();
  port.on('message', () => {
    const start = performance.now();
    work();
    port.postMessage(performance.now() - start);
  });
  port.postMessage('ready');
}
