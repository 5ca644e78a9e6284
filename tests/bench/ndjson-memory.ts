/**
 * A 1 GB NDJSON decrypts with bounded memory (docs/benchmarks.md). Generates an NDJSON file of real
 * sealed payloads (~64 KiB each, a few reused so generation is fast) in a temp folder, runs the
 * BUILT CLI on it as a person would (`custody decrypt --key-file K --ndjson --json FILE >
 * /dev/null`), and reports its peak resident memory, throughput, and how much of the CPU time its
 * main thread used. Everything it made is deleted, also when the bench is stopped with Ctrl-C.
 *
 *   BENCH_NDJSON_MB   size of the file (default 1024)
 *   BENCH_WORKERS     --workers for the CLI (default: the CLI's own default, the number of cores)
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { sealPayload } from '../../electron/custody/payload-codec';
import { REPO_ROOT } from '../support/cli-sandbox';

const TARGET_MB = Number(process.env.BENCH_NDJSON_MB) || 1024;
const WORKERS = process.env.BENCH_WORKERS;
const BUDGET_MB = 300;
const PLAINTEXT_BYTES = 64 * 1024;

/** A block of distinct lines, written again and again: real payloads, cheap to make in bulk. */
function lineBlock(key: Buffer): Buffer {
  const lines = Array.from({ length: 8 }, (_, i) => {
    const body = JSON.stringify({ i, blob: randomBytes(PLAINTEXT_BYTES / 2).toString('hex') }).slice(0, PLAINTEXT_BYTES);
    return `${JSON.stringify({ payload: sealPayload(Buffer.from(body), key), capturedAt: '2026-11-21T08:58:00Z' })}\n`;
  });
  return Buffer.from(lines.join(''));
}

async function writeNdjson(path: string, block: Buffer, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  let written = 0;
  while (written < bytes) {
    if (!out.write(block)) await once(out, 'drain');
    written += block.length;
  }
  out.end();
  await once(out, 'close');
}

interface Measured {
  code: number | null;
  /** The CLI's summary, or its error. */
  stderr: string;
  seconds: number;
  peakMb: number;
  /** CPU seconds of the whole process (main thread, workers, GC and I/O threads) and of its main thread. */
  cpuSeconds: number;
  mainThreadCpuSeconds: number;
}

const CLOCK_TICKS = 100;

/** utime + stime of a /proc stat line, in seconds (fields 14 and 15, after the command name). */
function cpuOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/**
 * Runs the CLI and samples the kernel's view of it every 20 ms: its memory high-water mark (VmHWM,
 * which only ever grows, so the last sample is the peak) and the CPU time of the process and of
 * its main thread, which shows how much of the work the workers carry.
 */
function runAndSample(args: string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const last = { peakKb: 0, cpu: 0, mainCpu: 0 };
    const sample = async () => {
      const read = (file: string) => readFile(`/proc/${child.pid}/${file}`, 'utf8');
      const [status, stat, mainStat] = await Promise.all([read('status'), read('stat'), read(`task/${child.pid}/stat`)]);
      last.peakKb = Math.max(last.peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      last.cpu = cpuOf(stat);
      last.mainCpu = cpuOf(mainStat);
    };
    const timer = setInterval(() => void sample().catch(() => undefined), 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({
        code,
        stderr,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        peakMb: last.peakKb / 1024,
        cpuSeconds: last.cpu,
        mainThreadCpuSeconds: last.mainCpu,
      });
    });
  });
}

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'build', 'build-cli.mjs')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:cli failed:\n${build.stderr}`);
  const dir = await mkdtemp(join(tmpdir(), 'custody-ndjson-bench-'));
  // A gigabyte must not be left behind when the bench is stopped with Ctrl-C either.
  process.once('SIGINT', () => void rm(dir, { recursive: true, force: true }).then(() => process.exit(130)));
  try {
    const key = randomBytes(32);
    const keyFile = join(dir, 'key.txt');
    await writeFile(keyFile, `${key.toString('base64')}\n`, { mode: 0o600 });
    const ndjson = join(dir, 'captures.ndjson');
    const block = lineBlock(key);
    const genStart = process.hrtime.bigint();
    await writeNdjson(ndjson, block, TARGET_MB * 1024 * 1024);
    const genSeconds = Number(process.hrtime.bigint() - genStart) / 1e9;
    const { size } = await stat(ndjson);
    const fileMb = size / (1024 * 1024);
    const lines = (size / block.length) * 8;

    const args = [
      join(REPO_ROOT, 'bin', 'custody.js'),
      'decrypt',
      '--key-file',
      keyFile,
      '--ndjson',
      '--json',
      ...(WORKERS === undefined ? [] : ['--workers', WORKERS]),
      ndjson,
    ];
    const measured = await runAndSample(args);
    if (measured.code !== 0) throw new Error(`custody decrypt exited with ${measured.code}:\n${measured.stderr}`);
    const row = {
      fileMb,
      lines,
      seconds: measured.seconds,
      mbPerSecond: fileMb / measured.seconds,
      linesPerSecond: lines / measured.seconds,
      peakMb: measured.peakMb,
      budgetMb: BUDGET_MB,
      withinBudget: measured.peakMb < BUDGET_MB,
      cpuSeconds: measured.cpuSeconds,
      mainThreadCpuSeconds: measured.mainThreadCpuSeconds,
      workers: WORKERS ?? 'default',
      generateSeconds: genSeconds,
    };
    const share = (100 * row.mainThreadCpuSeconds) / Math.max(row.cpuSeconds, 0.01);
    console.log(
      'ndjson memory (built CLI: custody decrypt --key-file K --ndjson --json FILE > /dev/null; /proc sampled every 20 ms)',
    );
    console.log('   file MB      lines  seconds    MB/s  lines/s  peak MB  budget   CPU s  main thread');
    console.log(
      `${fileMb.toFixed(0).padStart(10)} ${String(lines).padStart(10)} ${row.seconds.toFixed(2).padStart(8)} ${row.mbPerSecond.toFixed(0).padStart(7)} ${row.linesPerSecond.toFixed(0).padStart(8)} ${row.peakMb.toFixed(0).padStart(8)}${row.withinBudget ? ' ' : '!'} ${`<${BUDGET_MB}`.padStart(6)} ${row.cpuSeconds.toFixed(2).padStart(7)}  ${row.mainThreadCpuSeconds.toFixed(2)} s (${share.toFixed(0)}%)`,
    );
    console.log(
      `(file generated in ${genSeconds.toFixed(1)} s, not in the figures; workers: ${row.workers}; ! marks a peak over budget)`,
    );
    console.log(JSON.stringify({ bench: 'ndjson-memory', ...row }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
