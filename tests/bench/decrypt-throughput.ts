/**
 * Issue 5 §6: the custody batch path against a bare node:crypto loop doing the same work
 * (base64 decode + AES-256-GCM decrypt + UTF-8 decode) on the same payloads, in one run: the
 * payload strings in memory, results (plaintext, key, layout) out, as the app's batch gets them.
 * Figures are ratios to the bare single-thread loop measured here, never absolute budgets.
 *
 * Each contender runs in processes of its own (throughput-contender.ts), so the garbage one leaves
 * is collected in its own time, not in another's: in one shared process a path whose results
 * outlived young collections triggered major collections that landed in the bare loop's turns, and
 * read 1.6–1.7x the bare loop where, alone in a process, it decrypted at 1.1–1.3x. The contenders
 * take turns, each turn a block: round after round over the row's payloads for at least
 * BENCH_BLOCK_SECONDS, as a long batch runs, so a block's rate counts the collections it caused.
 * A contender's blocks go round its BENCH_PROCESSES processes, since where a process's allocator and
 * heap happen to place buffers moves its rate for its whole life (the 64 KiB bare loop ran at
 * 21 700–28 700 payloads/s in six processes); each contender is timed by its median block, so by
 * its typical process, and on a shared 2-core machine a burst of other work lowers one block of
 * each, not all blocks of one. Each row starts with an untimed round in every process, and its
 * blocks go on until every contender has run for BENCH_SECONDS. A fourth contender, two
 * bare loops on two threads, shows how far a second core takes the bare loop's own work on this
 * machine; a last line, measured before the rows, how far it takes copying memory and AES in cache
 * (machine-scaling.ts). Each contender's page faults per round are printed too: when the allocator
 * hands freed buffers back to the system and faults them in again, that contender's rounds slow
 * down by up to a third, whichever it is, and a ratio moves with it.
 *
 *   BENCH_BLOCKS         blocks per contender at least (default 6)
 *   BENCH_PROCESSES      processes per contender (default 3)
 *   BENCH_BLOCK_SECONDS  seconds per block at least (default 0.3)
 *   BENCH_SECONDS        seconds per contender and row at least (default 2)
 *   BENCH_MB             payload megabytes per row (default 64)
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { defaultWorkerCount } from '../../electron/custody/decrypt-pool';
import { buildDecryptWorker } from '../support/build-worker';
import { REPO, bundleToCache } from '../support/cached-bundle';
import { measureMachineScaling } from './machine-scaling';
import { type Block, CONTENDERS, type Contender, type ContenderReply, type ContenderRequest } from './throughput-contender';

const BLOCKS = Number(process.env.BENCH_BLOCKS) || 6;
const PROCESSES = Number(process.env.BENCH_PROCESSES) || 3;
const BLOCK_SECONDS = Number(process.env.BENCH_BLOCK_SECONDS) || 0.3;
const MIN_SECONDS = Number(process.env.BENCH_SECONDS) || 2;
const TARGET_MB = Number(process.env.BENCH_MB) || 64;
const BUDGET = { singleThread: 0.9, workers: 1.6 };

function perContender<T>(value: (name: Contender) => T): Record<Contender, T> {
  return Object.fromEntries(CONTENDERS.map((name) => [name, value(name)])) as Record<Contender, T>;
}

/** A contender's process: each request answered by one reply, in turn. */
interface ContenderProcess {
  ask<K extends ContenderReply['kind']>(request: ContenderRequest): Promise<Extract<ContenderReply, { kind: K }>>;
  stop(): Promise<void>;
}

function startContender(script: string): ContenderProcess {
  const child: ChildProcess = fork(script, [], { execArgv: [], serialization: 'advanced' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    ask: (request) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`a bench contender exited (code ${code})`));
        child.once('exit', onExit);
        child.once('message', (reply) => {
          child.off('exit', onExit);
          resolve(reply as never);
        });
        child.send(request);
      }),
    async stop() {
      if (child.connected) child.send({ kind: 'stop' } satisfies ContenderRequest);
      await exited;
    },
  };
}

type Rate = { perSecond: number; mbPerSecond: number };
interface Row {
  size: string;
  matchPosition: number;
  payloads: number;
  blocks: number;
  bare: Rate;
  singleThread: Rate & { ratio: number };
  workers: Rate & { ratio: number; threads: number };
  /**
   * Two bare loops, one on a worker thread, each on half the payloads: how far a second core takes
   * the bare loop's own work, its allocations included (the worker thread's loop faults most).
   */
  twoBareLoops: { ratio: number };
  /**
   * The workers path's payloads/s against the two bare loops': how much of what two threads get
   * here it keeps, while it also moves every payload to its worker and every plaintext back.
   */
  workersOfTwoBareLoops: number;
  /**
   * Page faults per round of each contender, in its median block: memory the allocator gave back
   * to the system and took again, which moves a round's time by up to a third here.
   */
  faultsPerRound: { bare: number; singleThread: number; workers: number; twoBareLoops: number };
}

async function main(): Promise<void> {
  // First, while nothing else on the machine is busy.
  const machineScaling = await measureMachineScaling(
    bundleToCache(join(REPO, 'tests/bench/machine-scaling.ts'), 'machine-scaling.cjs', 'node'),
  );
  const workerScript = buildDecryptWorker();
  const bareScript = bundleToCache(join(REPO, 'tests/bench/bare-decrypt-loop.ts'), 'bare-decrypt-loop.cjs', 'node');
  const contenderScript = bundleToCache(join(REPO, 'tests/bench/throughput-contender.ts'), 'throughput-contender.cjs', 'node');
  const keys = Array.from({ length: 4 }, () => randomBytes(32));
  const threads = defaultWorkerCount();
  const processes = perContender(() => Array.from({ length: PROCESSES }, () => startContender(contenderScript)));
  const rows: Row[] = [];
  let poolStartMs = 0;
  try {
    for (const name of CONTENDERS) {
      for (const one of processes[name]) {
        const started = await one.ask<'started'>({ kind: 'start', contender: name, keys, workerScript, bareScript });
        poolStartMs = started.poolStartMs ?? poolStartMs;
      }
    }
    for (const [label, size] of [
      ['1 KiB', 1024],
      ['64 KiB', 64 * 1024],
    ] as const) {
      for (const matchPosition of [1, 4]) {
        let prepared: Extract<ContenderReply, { kind: 'row' }> | null = null;
        for (const name of CONTENDERS) {
          for (const one of processes[name]) {
            prepared = await one.ask<'row'>({ kind: 'row', size, matchPosition, megabytes: TARGET_MB });
          }
        }
        const { payloads, megabytes } = prepared as Extract<ContenderReply, { kind: 'row' }>;
        const taken = perContender((): { block: Block; wall: number }[] => []);
        const seconds = (list: { wall: number }[]) => list.reduce((a, b) => a + b.wall, 0);
        let blocks = 0;
        const enough = () =>
          blocks >= BLOCKS && blocks % PROCESSES === 0 && Math.min(...Object.values(taken).map(seconds)) >= MIN_SECONDS;
        for (; !enough(); blocks++) {
          for (const name of CONTENDERS) {
            const start = process.hrtime.bigint();
            const block = await processes[name][blocks % PROCESSES].ask<'block'>({ kind: 'block', seconds: BLOCK_SECONDS });
            taken[name].push({ block, wall: Number(process.hrtime.bigint() - start) / 1e9 });
          }
        }
        const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
        /** Each contender's median block, in seconds or in page faults per round. */
        const typical = (of: keyof Block) => perContender((name) => median(taken[name].map((t) => t.block[of])));
        const time = typical('seconds');
        const faults = typical('faults');
        const rate = (s: number): Rate => ({ perSecond: payloads / s, mbPerSecond: megabytes / s });
        rows.push({
          size: label,
          matchPosition,
          payloads,
          blocks,
          bare: rate(time.bare),
          singleThread: { ...rate(time.single), ratio: time.bare / time.single },
          workers: { ...rate(time.workers), ratio: time.bare / time.workers, threads },
          twoBareLoops: { ratio: time.bare / time.twoBare },
          workersOfTwoBareLoops: time.twoBare / time.workers,
          faultsPerRound: {
            bare: Math.round(faults.bare),
            singleThread: Math.round(faults.single),
            workers: Math.round(faults.workers),
            twoBareLoops: Math.round(faults.twoBare),
          },
        });
      }
    }
  } finally {
    await Promise.all(Object.values(processes).flatMap((list) => list.map((p) => p.stop())));
    await rm(dirname(workerScript), { recursive: true, force: true });
  }

  const n = (v: number, w: number) => v.toFixed(v >= 100 ? 0 : 2).padStart(w);
  const mark = (ratio: number, budget: number) => (ratio >= budget ? ' ' : '!');
  console.log(
    `decrypt throughput (median block of each, taking turns in blocks of at least ${BLOCK_SECONDS} s, at least ${BLOCKS} blocks and ${MIN_SECONDS} s each per row, over ${PROCESSES} processes each; ratio = payloads/s against the bare single-thread node:crypto loop)`,
  );
  console.log(
    `budgets: this thread >= ${BUDGET.singleThread}x, workers (${threads} + this thread) >= ${BUDGET.workers}x; ! marks a figure below its budget`,
  );
  console.log(
    '  size  key  payloads blocks |  bare p/s   MB/s | custody p/s   MB/s  ratio  | workers p/s   MB/s  ratio  | 2 bare loops | workers/2 bare',
  );
  for (const r of rows) {
    console.log(
      `${r.size.padStart(6)}  ${r.matchPosition}/4 ${String(r.payloads).padStart(9)} ${String(r.blocks).padStart(6)} | ${n(r.bare.perSecond, 9)} ${n(r.bare.mbPerSecond, 6)} | ${n(r.singleThread.perSecond, 11)} ${n(r.singleThread.mbPerSecond, 6)} ${n(r.singleThread.ratio, 6)}${mark(r.singleThread.ratio, BUDGET.singleThread)} | ${n(r.workers.perSecond, 11)} ${n(r.workers.mbPerSecond, 6)} ${n(r.workers.ratio, 6)}${mark(r.workers.ratio, BUDGET.workers)} | ${n(r.twoBareLoops.ratio, 12)} | ${n(r.workersOfTwoBareLoops, 14)}`,
    );
  }
  console.log(
    `worker pool start: ${poolStartMs.toFixed(0)} ms once per batch (not in the figures above); ${threads} worker(s) beside this thread, which decrypts too when they are busy`,
  );
  console.log(
    '2 bare loops: the bare loop on two threads, half the payloads each, against one: how far a second core takes the same work here; workers/2 bare: the workers path against them',
  );
  console.log(
    `page faults per round (median block, whole process): ${rows.map((r) => `${r.size} ${r.matchPosition}/4 ${Object.values(r.faultsPerRound).join('/')}`).join(', ')} (bare/custody/workers/2 bare loops)`,
  );
  console.log(
    `this machine, two threads against one: copying 64 MiB buffers ${machineScaling.memory.toFixed(2)}x, AES-256-GCM on a buffer in cache ${machineScaling.aes.toFixed(2)}x`,
  );
  const withinBudget = rows.every((r) => r.singleThread.ratio >= BUDGET.singleThread && r.workers.ratio >= BUDGET.workers);
  console.log(
    JSON.stringify({
      bench: 'decrypt-throughput',
      minBlocks: BLOCKS,
      processes: PROCESSES,
      blockSeconds: BLOCK_SECONDS,
      minSeconds: MIN_SECONDS,
      threads,
      poolStartMs,
      budget: BUDGET,
      withinBudget,
      rows,
      machineScaling,
    }),
  );
}

void main();
