/**
 * Issue 5 §6: the custody batch path against a bare node:crypto loop doing the same work
 * (base64 decode + AES-256-GCM decrypt + UTF-8 decode) on the same payloads, in one run: the
 * payload strings in memory, results (plaintext, key, layout) out, as the app's batch gets them.
 * Figures are ratios to the bare single-thread loop measured here, never absolute budgets.
 *
 * The three contenders take turns, round after round, and each keeps its best round: on a shared
 * 2-core machine a burst of other work then lowers one round of each, not all rounds of one.
 *
 *   BENCH_ROUNDS   rounds per contender (default 5)
 *   BENCH_MB       payload megabytes per row (default 64)
 */
import { createDecipheriv, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CaptureItem } from '../../electron/custody/capture-sources';
import { itemChunks, runDecryptBatch } from '../../electron/custody/decrypt-batch';
import type { OutputMode } from '../../electron/custody/decrypt-chunk';
import { createWorkerPool, defaultWorkerCount } from '../../electron/custody/decrypt-pool';
import { sealPayload } from '../../electron/custody/payload-codec';
import { candidatesFromRawKeys } from '../../electron/custody/payload-decryptor';
import { buildDecryptWorker } from '../support/build-worker';

const ROUNDS = Number(process.env.BENCH_ROUNDS) || 5;
const TARGET_MB = Number(process.env.BENCH_MB) || 64;
const MODE: OutputMode = { kind: 'results' };
const BUDGET = { singleThread: 0.9, workers: 1.6 };

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

async function seconds(work: () => Promise<number> | number, expected: number): Promise<number> {
  const start = process.hrtime.bigint();
  const matched = await work();
  if (matched !== expected) throw new Error(`decrypted ${matched} of ${expected}: the bench is broken`);
  return Number(process.hrtime.bigint() - start) / 1e9;
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
  const candidates = candidatesFromRawKeys(keys);
  const threads = defaultWorkerCount();
  const sink = () => undefined;
  const poolStart = process.hrtime.bigint();
  const pool = createWorkerPool(workerScript, candidates, MODE, threads);
  const warmUp = itemChunks(
    Array.from({ length: threads * 2 }, (_, i) => ({ source: `w${i}`, text: sealPayload(Buffer.from('w'), keys[0]) })),
  );
  await runDecryptBatch(warmUp, candidates, MODE, sink, { pool });
  const poolStartMs = Number(process.hrtime.bigint() - poolStart) / 1e6;

  const rows: Row[] = [];
  try {
    for (const [label, size] of [
      ['1 KiB', 1024],
      ['64 KiB', 64 * 1024],
    ] as const) {
      for (const matchPosition of [1, 4]) {
        const payloads = makePayloads(size, keys[matchPosition - 1]);
        const items: CaptureItem[] = payloads.map((text, i) => ({ source: `capture-${i}`, text }));
        const megabytes = payloads.reduce((n, p) => n + p.length, 0) / (1024 * 1024);
        const best = { bare: Infinity, single: Infinity, workers: Infinity };
        for (let round = 0; round < ROUNDS; round++) {
          best.bare = Math.min(best.bare, await seconds(() => bareLoop(payloads, keys), payloads.length));
          best.single = Math.min(
            best.single,
            await seconds(
              async () => (await runDecryptBatch(itemChunks(items), candidates, MODE, sink)).decrypted,
              payloads.length,
            ),
          );
          best.workers = Math.min(
            best.workers,
            await seconds(
              async () => (await runDecryptBatch(itemChunks(items), candidates, MODE, sink, { pool })).decrypted,
              payloads.length,
            ),
          );
        }
        const rate = (s: number): Rate => ({ perSecond: payloads.length / s, mbPerSecond: megabytes / s });
        rows.push({
          size: label,
          matchPosition,
          payloads: payloads.length,
          bare: rate(best.bare),
          singleThread: { ...rate(best.single), ratio: best.bare / best.single },
          workers: { ...rate(best.workers), ratio: best.bare / best.workers, threads },
        });
      }
    }
  } finally {
    await pool.close();
    await rm(dirname(workerScript), { recursive: true, force: true });
  }

  const n = (v: number, w: number) => v.toFixed(v >= 100 ? 0 : 2).padStart(w);
  const mark = (ratio: number, budget: number) => (ratio >= budget ? ' ' : '!');
  console.log(
    `decrypt throughput (best of ${ROUNDS}, taking turns; ratio = payloads/s against the bare single-thread node:crypto loop)`,
  );
  console.log(
    `budgets: this thread >= ${BUDGET.singleThread}x, workers (${threads} + this thread) >= ${BUDGET.workers}x; ! marks a figure below its budget`,
  );
  console.log('  size  key  payloads |  bare p/s   MB/s | custody p/s   MB/s  ratio  | workers p/s   MB/s  ratio');
  for (const r of rows) {
    console.log(
      `${r.size.padStart(6)}  ${r.matchPosition}/4 ${String(r.payloads).padStart(9)} | ${n(r.bare.perSecond, 9)} ${n(r.bare.mbPerSecond, 6)} | ${n(r.singleThread.perSecond, 11)} ${n(r.singleThread.mbPerSecond, 6)} ${n(r.singleThread.ratio, 6)}${mark(r.singleThread.ratio, BUDGET.singleThread)} | ${n(r.workers.perSecond, 11)} ${n(r.workers.mbPerSecond, 6)} ${n(r.workers.ratio, 6)}${mark(r.workers.ratio, BUDGET.workers)}`,
    );
  }
  console.log(
    `worker pool start: ${poolStartMs.toFixed(0)} ms once per batch (not in the figures above); ${threads} worker(s) beside this thread, which decrypts too when they are busy`,
  );
  const withinBudget = rows.every((r) => r.singleThread.ratio >= BUDGET.singleThread && r.workers.ratio >= BUDGET.workers);
  console.log(
    JSON.stringify({ bench: 'decrypt-throughput', rounds: ROUNDS, threads, poolStartMs, budget: BUDGET, withinBudget, rows }),
  );
}

void main();
