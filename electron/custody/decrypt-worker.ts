/**
 * Worker-thread entry of the decrypt pool: it receives the keys, their descriptions and the output
 * mode once, then chunks, and answers each in order with its output — or with null for a chunk it
 * had not started when the batch was cancelled. Never log key material or plaintext here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ChunkInput, decryptChunk } from './decrypt-chunk';
import type { WorkerSetup, WorkerMessage } from './decrypt-pool';

const { keys, infos, mode } = workerData as WorkerSetup;
const port = parentPort;
/** Chunks received and not yet started: decrypted one per turn, so a cancel can arrive between them. */
const waiting: ChunkInput[] = [];

function decryptNext(): void {
  const chunk = waiting.shift();
  if (!chunk) return;
  const output = decryptChunk(chunk, keys, infos, mode);
  port?.postMessage(output, output.lines ? [output.lines.buffer as ArrayBuffer] : []);
  if (waiting.length > 0) setImmediate(decryptNext);
}

port?.on('message', (message: WorkerMessage) => {
  if (message === 'cancel') {
    for (const _ of waiting.splice(0)) port.postMessage(null);
  } else if (message === 'close') {
    waiting.length = 0;
    // The keys were copied to this thread: zeroed before it ends.
    for (const key of keys) key.fill(0);
    port.close();
  } else {
    waiting.push(message);
    if (waiting.length === 1) setImmediate(decryptNext);
  }
});
