/**
 * Issue 5 §6: the custody batch path against a bare node:crypto loop doing the same work
 * (base64 decode + AES-256-GCM decrypt + UTF-8 decode) on the same payloads, in one run: the
 * payload strings in memory, results (plaintext, key, layout) out, as the app's batch gets them.
 * Figures are ratios to the bare single-thread loop measured here, never absolute budgets.
 */
import { createDecipheriv, randomBytes } from 'node:crypto';
import type { CaptureItem } from '../../electron/custody/capture-sources';
import { itemChunks, runDecryptBatch } from '../../electron/custody/decrypt-batch';
import type { OutputMode } from '../../electron/custody/decrypt-chunk';
import { createWorkerPool, defaultWorkerCount } from '../../electron/custody/decrypt-pool';
import { sealPayload } from '../../electron/custody/payload-codec';
import { candidatesFromRawKeys } from '../../electron/custody/payload-decryptor';
import { buildDecryptWorker } from '../support/build-worker';

const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3;
const TARGET_MB = Number(process.env.BENCH_MB) || 64;
const MODE: OutputMode = { kind: 'results' };

function makePayloads(size: number, key: Buffer): string[] {
  const count = Math.max(200, Math.round((TARGET_MB * 1024 * 1024) / size));
  const filler = 'x'.repeat(size);
  return Array.from({ length: count }, (_, i) => sealPayload(Buffer.from(`{"i":${i},"blob":"${filler}"}`.slice(0, size)), key));
}

/** What a person would write by hand: decode, try each key, decode the text. */
function bareLoop(payloads: string[], keys: Buffer[]): number {
  let matched = 0;
  for (const payload of payloads) {
    const bytes = Buffer.from(payload, 'base64url');
    for (const key of keys) {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const head = decipher.update(bytes.subarray(28));
      try {
        if (Buffer.concat([head, decipher.final()]).toString('utf8').length >= 0) matched++;
        break;
      } catch {
        continue;
      }
    }
  }
  return matched;
}

async function best(work: () => Promise<number> | number): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    const matched = await work();
    if (matched === 0) throw new Error('nothing decrypted: the bench is broken');
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return fastest;
}

type Rate = { perSecond: number; mbPerSecond: number };
interface Row {
  size: string;
  matchPosition: number;
  payloads: number;
  bare: Rate;
  singleThread: Rate & { ratio: number };
  workers: Rate & { ratio: number; threads: number };
}

async function main(): Promise<void> {
  const workerScript = buildDecryptWorker();
  const keys = Array.from({ length: 4 }, () => randomBytes(32));
  const threads = defaultWorkerCount();
  const rows: Row[] = [];
  let poolStartMs = 0;
  for (const [label, size] of [
    ['1 KiB', 1024],
    ['64 KiB', 64 * 1024],
  ] as const) {
    for (const matchPosition of [1, 4]) {
      const tryOrder = [...keys];
      const matching = tryOrder[matchPosition - 1];
      const payloads = makePayloads(size, matching);
      const items: CaptureItem[] = payloads.map((text, i) => ({ source: `capture-${i}`, text }));
      const megabytes = payloads.reduce((n, p) => n + p.length, 0) / (1024 * 1024);
      const candidates = candidatesFromRawKeys(tryOrder);
      const sink = () => undefined;
      const bareSeconds = await best(() => bareLoop(payloads, tryOrder));
      const singleSeconds = await best(async () => (await runDecryptBatch(itemChunks(items), candidates, MODE, sink)).decrypted);
      const poolStart = process.hrtime.bigint();
      const pool = createWorkerPool(workerScript, candidates, MODE, threads);
      await runDecryptBatch(itemChunks(items.slice(0, threads * 2)), candidates, MODE, sink, { pool });
      poolStartMs = Number(process.hrtime.bigint() - poolStart) / 1e6;
      const workerSeconds = await best(
        async () => (await runDecryptBatch(itemChunks(items), candidates, MODE, sink, { pool })).decrypted,
      );
      await pool.close();
      const rate = (seconds: number): Rate => ({ perSecond: payloads.length / seconds, mbPerSecond: megabytes / seconds });
      rows.push({
        size: label,
        matchPosition,
        payloads: payloads.length,
        bare: rate(bareSeconds),
        singleThread: { ...rate(singleSeconds), ratio: bareSeconds / singleSeconds },
        workers: { ...rate(workerSeconds), ratio: bareSeconds / workerSeconds, threads },
      });
    }
  }
  const n = (v: number, w: number) => v.toFixed(v >= 100 ? 0 : 2).padStart(w);
  console.log(`decrypt throughput (best of ${ROUNDS}; ratio = payloads/s against the bare single-thread node:crypto loop)`);
  console.log('  size  key  payloads |  bare p/s   MB/s | custody p/s   MB/s  ratio | workers p/s   MB/s  ratio');
  for (const r of rows) {
    console.log(
      `${r.size.padStart(6)}  ${r.matchPosition}/4 ${String(r.payloads).padStart(9)} | ${n(r.bare.perSecond, 9)} ${n(r.bare.mbPerSecond, 6)} | ${n(r.singleThread.perSecond, 11)} ${n(r.singleThread.mbPerSecond, 6)} ${n(r.singleThread.ratio, 6)} | ${n(r.workers.perSecond, 11)} ${n(r.workers.mbPerSecond, 6)} ${n(r.workers.ratio, 6)}`,
    );
  }
  console.log(`worker pool start: ${poolStartMs.toFixed(0)} ms once per batch (not in the figures above); ${threads} workers`);
  console.log(JSON.stringify({ bench: 'decrypt-throughput', rounds: ROUNDS, threads, poolStartMs, rows }));
}

void main();
