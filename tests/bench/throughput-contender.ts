/**
 * One contender of the decrypt-throughput bench, in a process of its own: its heap, its garbage
 * collections and its allocator are its own, as a batch's are, whatever the other contenders leave
 * behind. Forked by decrypt-throughput.ts, it decrypts a row's payloads round after round for a
 * block of time each time it is told to, and answers with the block's time per round.
 */
import { Worker } from 'node:worker_threads';
import type { CaptureItem } from '../../electron/custody/capture-sources';
import { itemChunks, runDecryptBatch } from '../../electron/custody/decrypt-batch';
import type { OutputMode } from '../../electron/custody/decrypt-chunk';
import { type WorkerPool, createWorkerPool, defaultWorkerCount } from '../../electron/custody/decrypt-pool';
import { sealPayload } from '../../electron/custody/payload-codec';
import { candidatesFromRawKeys } from '../../electron/custody/payload-decryptor';
import { bareLoop } from './bare-decrypt-loop';

export const CONTENDERS = ['bare', 'single', 'workers', 'twoBare'] as const;
export type Contender = (typeof CONTENDERS)[number];

export type ContenderRequest =
  | { kind: 'start'; contender: Contender; keys: Uint8Array[]; workerScript: string; bareScript: string }
  | { kind: 'row'; size: number; matchPosition: number; megabytes: number }
  | { kind: 'block'; seconds: number }
  | { kind: 'stop' };

export type ContenderReply =
  | { kind: 'started'; poolStartMs: number | null }
  | { kind: 'row'; payloads: number; megabytes: number }
  | ({ kind: 'block' } & Block);

export interface Block {
  /** Seconds per round: the block's time over the rounds it ran. */
  seconds: number;
  /** Minor page faults of this contender's process (its threads too) per round. */
  faults: number;
}

const MODE: OutputMode = { kind: 'results' };

function makePayloads(size: number, key: Buffer, megabytes: number): string[] {
  const count = Math.max(200, Math.round((megabytes * 1024 * 1024) / size));
  const filler = 'x'.repeat(size);
  return Array.from({ length: count }, (_, i) => sealPayload(Buffer.from(`{"i":${i},"blob":"${filler}"}`.slice(0, size)), key));
}

function send(reply: ContenderReply): void {
  process.send?.(reply);
}

let contender: Contender;
let keys: Buffer[] = [];
let pool: WorkerPool | null = null;
let bareWorker: Worker | null = null;
/** One round: every payload of the row decrypted once; the number decrypted. */
let round: () => Promise<number> | number = () => 0;
let expected = 0;

/** Rounds for at least `seconds`, each checked to decrypt every payload. */
async function block(seconds: number): Promise<Block> {
  const faults = process.resourceUsage().minorPageFault;
  const start = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - start) / 1e9;
  let rounds = 0;
  do {
    const matched = await round();
    if (matched !== expected) throw new Error(`${contender} decrypted ${matched} of ${expected}: the bench is broken`);
    rounds++;
  } while (elapsed() < seconds);
  return { seconds: elapsed() / rounds, faults: (process.resourceUsage().minorPageFault - faults) / rounds };
}

async function start(request: Extract<ContenderRequest, { kind: 'start' }>): Promise<void> {
  contender = request.contender;
  keys = request.keys.map((key) => Buffer.from(key));
  let poolStartMs: number | null = null;
  if (contender === 'workers') {
    const candidates = candidatesFromRawKeys(keys);
    const began = process.hrtime.bigint();
    pool = createWorkerPool(request.workerScript, candidates, MODE, defaultWorkerCount());
    const warmUp = Array.from({ length: pool.size * 2 }, (_, i) => ({
      source: `w${i}`,
      text: sealPayload(Buffer.from('w'), keys[0]),
    }));
    await runDecryptBatch(itemChunks(warmUp), candidates, MODE, () => undefined, { pool });
    poolStartMs = Number(process.hrtime.bigint() - began) / 1e6;
  }
  if (contender === 'twoBare') bareWorker = new Worker(request.bareScript, { workerData: keys });
  send({ kind: 'started', poolStartMs });
}

function prepareRow(request: Extract<ContenderRequest, { kind: 'row' }>): ContenderReply {
  const payloads = makePayloads(request.size, keys[request.matchPosition - 1], request.megabytes);
  const items: CaptureItem[] = payloads.map((text, i) => ({ source: `capture-${i}`, text }));
  const candidates = candidatesFromRawKeys(keys);
  const sink = () => undefined;
  expected = payloads.length;
  if (contender === 'bare') round = () => bareLoop(payloads, keys);
  if (contender === 'single') round = async () => (await runDecryptBatch(itemChunks(items), candidates, MODE, sink)).decrypted;
  if (contender === 'workers') {
    round = async () => (await runDecryptBatch(itemChunks(items), candidates, MODE, sink, { pool })).decrypted;
  }
  if (contender === 'twoBare' && bareWorker) {
    const worker = bareWorker;
    const half = Math.floor(payloads.length / 2);
    const firstHalf = payloads.slice(0, half);
    worker.postMessage(payloads.slice(half));
    round = async () => {
      const other = new Promise<number>((resolve) => worker.once('message', resolve));
      worker.postMessage('go');
      return bareLoop(firstHalf, keys) + (await other);
    };
  }
  return { kind: 'row', payloads: payloads.length, megabytes: payloads.reduce((n, p) => n + p.length, 0) / (1024 * 1024) };
}

process.on('message', (request: ContenderRequest) => {
  const served = (async () => {
    if (request.kind === 'start') await start(request);
    if (request.kind === 'row') {
      const prepared = prepareRow(request);
      await round();
      send(prepared);
    }
    if (request.kind === 'block') send({ kind: 'block', ...(await block(request.seconds)) });
    if (request.kind === 'stop') {
      await pool?.close();
      await bareWorker?.terminate();
      process.disconnect();
    }
  })();
  served.catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
