/**
 * Worker-thread entry of the decrypt pool: it receives the keys, their descriptions and the output
 * mode once, then chunks, and answers each with its output. Never log key material or plaintext here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ChunkInput, decryptChunk } from './decrypt-chunk';
import type { WorkerSetup } from './decrypt-pool';

const { keys, infos, mode } = workerData as WorkerSetup;

parentPort?.on('message', (chunk: ChunkInput | 'close') => {
  if (chunk === 'close') {
    // The keys were copied to this thread: zeroed before it ends.
    for (const key of keys) key.fill(0);
    parentPort?.close();
    return;
  }
  const output = decryptChunk(chunk, keys, infos, mode);
  parentPort?.postMessage(output, output.lines ? [output.lines.buffer as ArrayBuffer] : []);
});
