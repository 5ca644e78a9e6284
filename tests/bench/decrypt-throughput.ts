/**
 * `custody decrypt --ndjson --json` end to end, as a person runs it, against the same work done by a
 * bare loop with no engine (bare-ndjson-loop.mjs), in one run on one machine. Each contender is a
 * process of its own writing to /dev/null; the contenders take turns, round after round, and each
 * is timed by its median round. Figures are ratios to contenders measured in the same run.
 *
 *   BENCH_MB        NDJSON megabytes per payload size (default 128)
 *   BENCH_ROUNDS    rounds (default 5)
 *   BENCH_BASELINE  another checkout's built CLI (its out/cli/custody.cjs), measured beside this one
 */
import { spawn } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { openSync, closeSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/cli-sandbox';

const TARGET_MB = Number(process.env.BENCH_MB) || 128;
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 5;
const BASELINE = process.env.BENCH_BASELINE;
const SIZES = [1024, 64 * 1024];
const KEYS = 4;
const BARE = join(REPO_ROOT, 'tests/bench/bare-ndjson-loop.mjs');
const CLI = join(REPO_ROOT, 'out/cli/custody.cjs');

/** Lines of real payloads under the first of the keys, repeated to the size asked. */
function ndjsonText(keys: Buffer[], plaintextBytes: number, bytes: number): string {
  const block = Array.from({ length: 16 }, (_, i) => {
    const body = JSON.stringify({ i, blob: randomBytes(plaintextBytes).toString('hex') }).slice(0, plaintextBytes);
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keys[0] as Buffer, nonce);
    const sealed = Buffer.concat([cipher.update(body), cipher.final()]);
    const payload = Buffer.concat([nonce, cipher.getAuthTag(), sealed]).toString('base64url');
    return `${JSON.stringify({ payload })}\n`;
  }).join('');
  return block.repeat(Math.max(1, Math.round(bytes / block.length)));
}

/** Runs the commands side by side, stdout to /dev/null; the seconds until the last one ends. */
async function timed(commands: string[][]): Promise<number> {
  const devNull = openSync('/dev/null', 'w');
  const started = process.hrtime.bigint();
  try {
    await Promise.all(
      commands.map(
        (args) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, args, { stdio: ['ignore', devNull, 'pipe'] });
            let stderr = '';
            child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
            child.on('error', reject);
            child.on('close', (code) =>
              code === 0 ? resolve() : reject(new Error(`${args.join(' ')}: exit ${code}\n${stderr}`)),
            );
          }),
      ),
    );
  } finally {
    closeSync(devNull);
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** The lines a command printed, to check every contender did the whole job before it is timed. */
async function resultLines(args: string[], dir: string): Promise<{ lines: number; ok: number }> {
  const out = join(dir, 'check.out');
  const fd = openSync(out, 'w');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', fd, 'ignore'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')}: exit ${code}`))));
  });
  closeSync(fd);
  const text = await readFile(out, 'utf8');
  await rm(out);
  return { lines: text.split('\n').length - 1, ok: text.split('"ok":true').length - 1 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'custody-throughput-'));
  process.once('SIGINT', () => void rm(dir, { recursive: true, force: true }).then(() => process.exit(130)));
  try {
    const keys = Array.from({ length: KEYS }, () => randomBytes(32));
    const keyFile = join(dir, 'keys.txt');
    await writeFile(keyFile, keys.map((k) => `${k.toString('base64')}\n`).join(''), { mode: 0o600 });
    const rows: Record<string, unknown>[] = [];
    console.log(
      `decrypt throughput: ${TARGET_MB} MB of NDJSON per size, ${KEYS} keys (the first matches), median of ${ROUNDS} rounds`,
    );
    for (const size of SIZES) {
      const text = ndjsonText(keys, size, TARGET_MB * 1024 * 1024);
      const whole = join(dir, `${size}.ndjson`);
      const half = text.length / 2;
      const cut = text.indexOf('\n', half) + 1;
      await writeFile(whole, text);
      await writeFile(`${whole}.a`, text.slice(0, cut));
      await writeFile(`${whole}.b`, text.slice(cut));
      const lines = text.split('\n').length - 1;
      const mb = (await stat(whole)).size / (1024 * 1024);
      const cli = (bundle: string, extra: string[]) => [
        [bundle, 'decrypt', '--key-file', keyFile, '--ndjson', '--json', ...extra, whole],
      ];
      const contenders: Record<string, string[][]> = {
        custody: cli(CLI, []),
        'custody --workers 0': cli(CLI, ['--workers', '0']),
        ...(BASELINE ? { baseline: cli(BASELINE, []), 'baseline --workers 0': cli(BASELINE, ['--workers', '0']) } : {}),
        'bare loop': [[BARE, keyFile, whole]],
        'two bare loops': [
          [BARE, keyFile, `${whole}.a`],
          [BARE, keyFile, `${whole}.b`],
        ],
      };
      for (const [name, commands] of Object.entries(contenders)) {
        const first = commands[0] as string[];
        const check = commands.length === 1 ? await resultLines(first, dir) : { lines, ok: lines };
        if (check.lines !== lines || check.ok !== lines) {
          throw new Error(`${name} printed ${check.lines} lines, ${check.ok} decrypted, of ${lines}`);
        }
      }
      const times: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, commands] of Object.entries(contenders)) times[name]?.push(await timed(commands));
      }
      const rate = (name: string) => mb / median(times[name] ?? []);
      const ratio = (a: string, b: string) => (times[b] ? rate(a) / rate(b) : null);
      console.log(`\n${size / 1024} KiB payloads (${lines} lines, ${mb.toFixed(0)} MB)`);
      for (const name of Object.keys(contenders)) {
        console.log(
          `  ${name.padEnd(22)} ${rate(name).toFixed(0).padStart(6)} MB/s  (median ${median(times[name] ?? []).toFixed(2)} s)`,
        );
      }
      const row = {
        payloadKiB: size / 1024,
        mbPerSecond: Object.fromEntries(Object.keys(contenders).map((name) => [name, Number(rate(name).toFixed(1))])),
        custodyOfBaseline: ratio('custody', 'baseline'),
        custodyOfTwoBareLoops: ratio('custody', 'two bare loops'),
        oneThreadOfBareLoop: ratio('custody --workers 0', 'bare loop'),
        oneThreadOfBaseline: ratio('custody --workers 0', 'baseline --workers 0'),
        twoBareLoopsOfOne: ratio('two bare loops', 'bare loop'),
      };
      const show = (label: string, value: number | null, budget: number) =>
        value === null ? '' : `  ${label.padEnd(36)} ${value.toFixed(2)}x  (budget ${budget})\n`;
      process.stdout.write(
        show('custody / baseline', row.custodyOfBaseline, 0.9) +
          show('custody / two bare loops', row.custodyOfTwoBareLoops, 0.8) +
          show('custody --workers 0 / bare loop', row.oneThreadOfBareLoop, 0.9) +
          show('custody --workers 0 / baseline --workers 0', row.oneThreadOfBaseline, 0.9) +
          `  two bare loops / one: ${row.twoBareLoopsOfOne?.toFixed(2)}x (what a second core gives this work here)\n`,
      );
      rows.push(row);
    }
    console.log(JSON.stringify({ bench: 'decrypt-throughput', rows }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
