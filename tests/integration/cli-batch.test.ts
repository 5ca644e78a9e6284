import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, KeyInfo } from '../../shared/domain';
import { KEY_PLACEHOLDER, RECEIVER_SNIPPETS, sealPayload } from '../../electron/custody';
import { type CliRun, type CliSandbox, REPO_ROOT, createCliSandbox } from '../support/cli-sandbox';
import { outputOf, spellingsOf } from '../support/key-values';
import { itemAt } from '../support/item-at';
import { runInTerminal } from '../support/terminal';

/**
 * The built `custody decrypt`: every input kind, every per-item error (the batch
 * goes on), --any over the real vault, workers against this thread, exports, progress and Ctrl-C.
 */
let sandbox: CliSandbox;
const WF = 'onUserTokenGeneration';
const OTHER = 'onPostAuthentication';
/** Key values as `keys add` printed them, and as raw bytes to seal test payloads with. */
const keyValues: string[] = [];
let wfKey: Buffer;
let otherKey: Buffer;
let keyFile: string;
let wfKeyId: string;
let otherKeyId: string;

/** Key-file runs must not need the vault or the keychain: both point at nothing. */
const NO_VAULT = { CUSTODY_HOME: '/nonexistent/custody-home', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };

type Line = Record<string, unknown> & { source: string; ok: boolean; error?: { code: string; message: string } };

function lines(stdout: string): Line[] {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
}

const outcome = (l: Line) => [l.source, l.ok ? 'ok' : l.error?.code];

function seal(text: string, key: Buffer): string {
  return sealPayload(Buffer.from(text), key);
}

async function auditEntries(): Promise<AuditEntry[]> {
  const run = await sandbox.run(['audit', '--json']);
  expect(run.code, run.stderr).toBe(0);
  return lines(run.stdout) as unknown as AuditEntry[];
}

async function keysOf(workflow: string): Promise<KeyInfo[]> {
  const run = await sandbox.run(['keys', 'list', workflow, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as KeyInfo[];
}

async function addKey(workflow: string): Promise<{ value: string; id: string }> {
  const run = await sandbox.run(['keys', 'add', workflow]);
  expect(run.code, run.stderr).toBe(0);
  const value = run.stdout.trim();
  keyValues.push(value);
  return { value, id: itemAt(await keysOf(workflow), 0).id };
}

/** A big NDJSON file written quickly: a block of sealed lines, repeated. */
async function bigNdjson(name: string, key: Buffer, megabytes: number): Promise<{ path: string; lines: number }> {
  const block = Array.from(
    { length: 64 },
    (_, i) => `${JSON.stringify({ payload: seal(`{"n":${i},"pad":"${'x'.repeat(4000)}"}`, key) })}\n`,
  ).join('');
  const path = await sandbox.file(name, '');
  const out = createWriteStream(path);
  const blocks = Math.ceil((megabytes * 1024 * 1024) / block.length);
  for (let i = 0; i < blocks; i++) if (!out.write(block)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
  return { path, lines: blocks * 64 };
}

beforeAll(async () => {
  sandbox = await createCliSandbox();
  expect((await sandbox.run(['init'])).code).toBe(0);
  for (const workflow of [WF, OTHER]) expect((await sandbox.run(['workflows', 'add', workflow])).code).toBe(0);
  const wf = await addKey(WF);
  const other = await addKey(OTHER);
  wfKey = Buffer.from(wf.value, 'base64');
  otherKey = Buffer.from(other.value, 'base64');
  wfKeyId = wf.id;
  otherKeyId = other.id;
  keyFile = await sandbox.file('keys.txt', `${wf.value}\n${other.value}\n`);
});

afterAll(() => sandbox.cleanup());

describe('custody decrypt: inputs', () => {
  it('a FOLDER is read recursively in a stable order, counted on stderr before starting', async () => {
    const folder = join(dirname(keyFile), 'captures');
    await mkdir(join(folder, 'nested'), { recursive: true });
    await writeFile(join(folder, 'b.txt'), seal('{"b":2}', wfKey));
    await writeFile(join(folder, 'a.txt'), seal('{"a":1}', otherKey));
    await writeFile(join(folder, 'nested', 'c.txt'), 'not a payload');
    await writeFile(join(folder, '.hidden'), seal('hidden', wfKey));
    // A link in a folder is not followed (here one to nothing): one failed item, and the batch goes on.
    await symlink(join(folder, 'gone.txt'), join(folder, 'broken.txt'));

    const run = await sandbox.run(['decrypt', '--key-file', keyFile, '--json', folder], { env: NO_VAULT });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${folder}: 4 files`);
    expect(run.stderr.indexOf('4 files')).toBeLessThan(run.stderr.indexOf('decrypted,'));
    expect(lines(run.stdout).map(outcome)).toEqual([
      [join(folder, 'a.txt'), 'ok'],
      [join(folder, 'b.txt'), 'ok'],
      [join(folder, 'broken.txt'), 'UNSUPPORTED_INPUT'],
      [join(folder, 'nested', 'c.txt'), 'MALFORMED_PAYLOAD'],
    ]);
    expect(lines(run.stdout)[0]).toMatchObject({ plaintext: '{"a":1}', key: { index: 1 } });
    expect(run.stderr).toContain('2 decrypted, 0 no matching key, 1 malformed, 1 other errors');
  });

  it('a FOLDER with a link loop: the walk ends, each file is read once, each link is listed as skipped', async () => {
    const folder = join(dirname(keyFile), 'looped');
    await mkdir(join(folder, 'inner'), { recursive: true });
    await writeFile(join(folder, 'a.txt'), seal('{"a":1}', wfKey));
    await symlink(folder, join(folder, 'inner', 'loop'));
    await symlink(join(folder, 'a.txt'), join(folder, 'inner', 'a-again.txt'));
    const run = await sandbox.run(['decrypt', '--key-file', keyFile, '--json', folder], { env: NO_VAULT });
    expect(run.stderr).toContain(`${folder}: 3 files`);
    expect(lines(run.stdout).map(outcome)).toEqual([
      [join(folder, 'a.txt'), 'ok'],
      [join(folder, 'inner', 'a-again.txt'), 'UNSUPPORTED_INPUT'],
      [join(folder, 'inner', 'loop'), 'UNSUPPORTED_INPUT'],
    ]);
  });

  const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
  it.skipIf(!hasMkfifo)(
    `a FIFO, as a raw body, --ndjson or --har, is refused at once (UNSUPPORTED_INPUT) and the batch goes on${hasMkfifo ? '' : ' (skipped: no mkfifo on this system)'}`,
    async () => {
      const fifo = join(dirname(keyFile), 'captures.fifo');
      spawnSync('mkfifo', [fifo]);
      const good = await sandbox.file('after-fifo.txt', seal('{"after":1}', wfKey));
      for (const kind of [[], ['--ndjson'], ['--har']]) {
        // runCustody kills a run after 30 s; a read blocked on the FIFO would end there, not here.
        const run = await sandbox.run(['decrypt', '--key-file', keyFile, '--json', ...kind, fifo, good], { env: NO_VAULT });
        expect(run.ms).toBeLessThan(10_000);
        expect(lines(run.stdout)[0]).toMatchObject({
          source: fifo,
          ok: false,
          error: { code: 'UNSUPPORTED_INPUT', message: expect.stringContaining('is a named pipe (FIFO), not a file') },
        });
      }
    },
  );

  it('FILEs, one of them unreadable, keep their order; the readable view prints plaintext and names the key', async () => {
    const good = await sandbox.file('good.txt', seal('{"user":"officer"}', wfKey));
    const missing = join(dirname(keyFile), 'missing.txt');
    const run = await sandbox.run(['decrypt', '--key-file', keyFile, good, missing, good], { env: NO_VAULT });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('{\n  "user": "officer"\n}\n'.repeat(2));
    expect(run.stderr).toContain(`${missing}: error INVALID_INPUT: Cannot read ${missing}: it does not exist.`);
    expect(run.stderr).toContain(`${good}: decrypted with key #1 of the key file`);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('2 decrypted, 0 no matching key, 0 malformed, 1 other errors');
  });

  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot)(
    `a FILE it may not read is one failed item, permission denied${isRoot ? ' (skipped: running as root, which may read any file)' : ''}`,
    async () => {
      const locked = await sandbox.file('locked.txt', seal('x', wfKey));
      await chmod(locked, 0o000);
      const denied = await sandbox.run(['decrypt', '--key-file', keyFile, '--json', locked], { env: NO_VAULT });
      expect(lines(denied.stdout)[0]?.error?.message).toContain('permission denied');
    },
  );

  it('--ndjson: one result per line in order; a line that is not JSON is MALFORMED_PAYLOAD and the batch goes on', async () => {
    const p = seal('{"line":true}', wfKey);
    const ndjson = await sandbox.file(
      'mixed.ndjson',
      [
        JSON.stringify({ payload: p }),
        p,
        JSON.stringify(p),
        '',
        '{not json',
        JSON.stringify({ other: 1 }),
        JSON.stringify({ body: p }),
        JSON.stringify({ payload: seal('x', randomBytes(32)) }),
      ].join('\n'),
    );
    const run = await sandbox.run(['decrypt', '--key-file', keyFile, '--ndjson', '--json', ndjson], { env: NO_VAULT });
    expect(run.code).toBe(1);
    expect(lines(run.stdout).map(outcome)).toEqual([
      [`${ndjson}:1`, 'ok'],
      [`${ndjson}:2`, 'ok'],
      [`${ndjson}:3`, 'ok'],
      [`${ndjson}:5`, 'MALFORMED_PAYLOAD'],
      [`${ndjson}:6`, 'MALFORMED_PAYLOAD'],
      [`${ndjson}:7`, 'ok'],
      [`${ndjson}:8`, 'NO_MATCHING_KEY'],
    ]);
    expect(lines(run.stdout)[3]?.error?.message).toContain('not valid JSON');
    expect(lines(run.stdout)[4]?.error?.message).toContain('"payload" or "body"');
    expect(run.stderr).toContain('4 decrypted, 1 no matching key, 2 malformed, 0 other errors');
  });

  it('--ndjson --field NAME reads that member only; an unreadable NDJSON file is one failed item; - reads stdin', async () => {
    const p = seal('{"field":"data"}', otherKey);
    const ndjson = await sandbox.file(
      'field.ndjson',
      `${JSON.stringify({ payload: 'ignored', data: p })}\n${JSON.stringify({ payload: p })}\n`,
    );
    const missing = join(dirname(keyFile), 'missing.ndjson');
    const run = await sandbox.run(['decrypt', '--key-file', keyFile, '--ndjson', '--field', 'data', '--json', missing, ndjson], {
      env: NO_VAULT,
    });
    expect(lines(run.stdout).map(outcome)).toEqual([
      [missing, 'INVALID_INPUT'],
      [`${ndjson}:1`, 'ok'],
      [`${ndjson}:2`, 'MALFORMED_PAYLOAD'],
    ]);
    expect(lines(run.stdout)[2]?.error?.message).toContain('"data"');

    const stdin = await sandbox.run(['decrypt', '--key-file', keyFile, '--ndjson', '--json', '-'], {
      input: `${p}\n${p}\n`,
      env: NO_VAULT,
    });
    expect(stdin.code, stdin.stderr).toBe(0);
    expect(lines(stdin.stdout).map(outcome)).toEqual([
      ['stdin:1', 'ok'],
      ['stdin:2', 'ok'],
    ]);
  });

  it('--har: the POST bodies with their URL and time; a file that is not HAR is INVALID_INPUT and the batch goes on', async () => {
    const p = seal('{"from":"har"}', wfKey);
    const har = await sandbox.file(
      'session.har',
      JSON.stringify({
        log: {
          version: '1.2',
          entries: [
            { startedDateTime: '2026-11-21T08:57:00.000Z', request: { method: 'GET', url: 'https://hooks.test/ping' } },
            {
              startedDateTime: '2026-11-21T08:58:00.000Z',
              request: { method: 'POST', url: 'https://hooks.test/token', postData: { mimeType: 'text/plain', text: p } },
            },
            {
              startedDateTime: '2026-11-21T08:59:00.000Z',
              request: {
                method: 'POST',
                url: 'https://hooks.test/b64',
                postData: { text: Buffer.from(p).toString('base64'), encoding: 'base64' },
              },
            },
          ],
        },
      }),
    );
    const notHar = await sandbox.file('not.har', '{"hello":"world"}');
    const notJson = await sandbox.file('not-json.har', 'GET / HTTP/1.1');
    const run = await sandbox.run(['decrypt', '--key-file', keyFile, '--har', '--json', har, notHar, notJson], { env: NO_VAULT });
    expect(run.code).toBe(1);
    const results = lines(run.stdout);
    expect(results.map(outcome)).toEqual([
      [`${har}#2`, 'ok'],
      [`${har}#3`, 'ok'],
      [notHar, 'INVALID_INPUT'],
      [notJson, 'INVALID_INPUT'],
    ]);
    expect(results[0]).toMatchObject({
      plaintext: '{"from":"har"}',
      url: 'https://hooks.test/token',
      time: '2026-11-21T08:58:00.000Z',
    });
    expect(results[1]).toMatchObject({ url: 'https://hooks.test/b64', time: '2026-11-21T08:59:00.000Z' });
    expect(results[2]?.error?.message).toContain('not a HAR file');

    const readable = await sandbox.run(['decrypt', '--key-file', keyFile, '--har', har], { env: NO_VAULT });
    expect(readable.code, readable.stderr).toBe(0);
    expect(readable.stderr).toContain(`${har}#2 (POST https://hooks.test/token at 2026-11-21T08:58:00.000Z): decrypted with`);
  });

  it('exits 0 with the summary when every item decrypted', async () => {
    const p = await sandbox.file('one.txt', seal('fine', wfKey));
    const run = await sandbox.run(['decrypt', '--key-file', keyFile, '--json', p, p], { env: NO_VAULT });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('2 decrypted, 0 no matching key, 0 malformed, 0 other errors\n');
  });
});

describe('custody decrypt: the vault, workers and exports', () => {
  it('--any tries every key of the vault, updates "last matched" once for the batch and records one audit summary', async () => {
    const ndjson = await sandbox.file(
      'any.ndjson',
      [seal('{"w":1}', wfKey), seal('{"o":1}', otherKey), seal('{"w":2}', wfKey), 'junk!', seal('x', randomBytes(32))].join('\n'),
    );
    const before = await auditEntries();
    const run = await sandbox.run(['decrypt', '--any', '--ndjson', '--json', ndjson]);
    expect(run.code).toBe(1);
    const results = lines(run.stdout);
    expect(results.map(outcome)).toEqual([
      [`${ndjson}:1`, 'ok'],
      [`${ndjson}:2`, 'ok'],
      [`${ndjson}:3`, 'ok'],
      [`${ndjson}:4`, 'MALFORMED_PAYLOAD'],
      [`${ndjson}:5`, 'NO_MATCHING_KEY'],
    ]);
    expect(results[0]).toMatchObject({ key: { id: wfKeyId, workflowId: WF, status: 'active' } });
    expect(results[1]).toMatchObject({ key: { id: otherKeyId, workflowId: OTHER, status: 'active' } });

    const added = (await auditEntries()).slice(before.length);
    expect(added.map((e) => e.action)).toEqual(['decrypt.batch']);
    expect(added[0]?.details).toMatchObject({
      items: 5,
      decrypted: 3,
      noMatchingKey: 1,
      malformed: 1,
      keysMatched: 2,
      cancelled: false,
    });
    // Both keys' "last matched" were set by the same single write, at the batch's end.
    const wfMatched = itemAt(await keysOf(WF), 0).lastMatchedAt;
    expect(wfMatched).not.toBeNull();
    expect(itemAt(await keysOf(OTHER), 0).lastMatchedAt).toBe(wfMatched);
    expect(added[0]?.time).toBe(wfMatched);
  });

  it('--workflow W tries only that workflow; a payload of another workflow is NO_MATCHING_KEY', async () => {
    const folder = join(dirname(keyFile), 'scoped');
    await mkdir(folder);
    await writeFile(join(folder, '1.txt'), seal('mine', wfKey));
    await writeFile(join(folder, '2.txt'), seal('theirs', otherKey));
    const run = await sandbox.run(['decrypt', '--workflow', WF, '--json', folder]);
    expect(lines(run.stdout).map(outcome)).toEqual([
      [join(folder, '1.txt'), 'ok'],
      [join(folder, '2.txt'), 'NO_MATCHING_KEY'],
    ]);
    expect((await auditEntries()).at(-1)).toMatchObject({ action: 'decrypt.batch', workflowId: WF, details: { items: 2 } });
  });

  it('--workers 2 and --workers 1 (and 0) give identical output, in the JSON and the readable view', async () => {
    // Several chunks of 1 KiB payloads from both keys, with failures spread through.
    const text = Array.from({ length: 3000 }, (_, i) =>
      i % 97 === 5
        ? '{broken'
        : i % 89 === 7
          ? 'AAAA'
          : JSON.stringify({ payload: seal(`{"i":${i},"p":"${'y'.repeat(1000)}"}`, i % 2 ? wfKey : otherKey) }),
    ).join('\n');
    const ndjson = await sandbox.file('workers.ndjson', text);
    const runs: Record<string, CliRun> = {};
    for (const workers of ['2', '1', '0']) {
      runs[workers] = await sandbox.run(['decrypt', '--key-file', keyFile, '--ndjson', '--json', '--workers', workers, ndjson], {
        env: NO_VAULT,
      });
    }
    expect(lines(runs['2']?.stdout ?? '')).toHaveLength(3000);
    expect(lines(runs['2']?.stdout ?? '').map((l) => l.source)).toEqual(
      Array.from({ length: 3000 }, (_, i) => `${ndjson}:${i + 1}`),
    );
    expect(runs['1']?.stdout).toBe(runs['2']?.stdout);
    expect(runs['0']?.stdout).toBe(runs['2']?.stdout);
    expect(runs['1']?.stderr).toBe(runs['2']?.stderr);

    const readable2 = await sandbox.run(['decrypt', '--key-file', keyFile, '--ndjson', '--workers', '2', ndjson], {
      env: NO_VAULT,
    });
    const readable1 = await sandbox.run(['decrypt', '--key-file', keyFile, '--ndjson', '--workers', '1', ndjson], {
      env: NO_VAULT,
    });
    expect(readable2.stdout).toBe(readable1.stdout);
    expect(readable2.stderr).toBe(readable1.stderr);
    expect(readable2.code).toBe(1);
  });

  it('--output FILE --format ndjson|json|csv writes a 0600 file, plaintext only with --include-plaintext (and a warning)', async () => {
    const ndjson = await sandbox.file('export.ndjson', [seal('{"secret":"s3cr3t-value"}', wfKey), 'junk!'].join('\n'));
    const dir = dirname(keyFile);
    for (const format of ['ndjson', 'json', 'csv'] as const) {
      for (const plaintext of [false, true]) {
        const target = join(dir, `export-${plaintext ? 'with' : 'without'}.${format}`);
        await writeFile(target, 'old content', { mode: 0o644 });
        await chmod(target, 0o644);
        const args = ['decrypt', '--key-file', keyFile, '--ndjson', '--output', target, '--format', format, ndjson];
        const run = await sandbox.run(plaintext ? [...args, '--include-plaintext'] : args, { env: NO_VAULT });
        expect(run.code, run.stderr).toBe(1);
        expect(run.stdout).toBe('');
        expect((await stat(target)).mode & 0o777).toBe(0o600);
        const content = await readFile(target, 'utf8');
        expect(content.includes('s3cr3t-value'), `${format} plaintext=${plaintext}`).toBe(plaintext);
        expect(run.stderr.includes('warning:'), `${format} plaintext=${plaintext}`).toBe(plaintext);
        if (plaintext) expect(run.stderr).toContain(`${target} will hold the decrypted plaintext`);
        if (format === 'json') {
          expect((JSON.parse(content) as Line[]).map(outcome)).toEqual([
            [`${ndjson}:1`, 'ok'],
            [`${ndjson}:2`, 'MALFORMED_PAYLOAD'],
          ]);
        } else if (format === 'ndjson') {
          expect(lines(content).map(outcome)).toEqual([
            [`${ndjson}:1`, 'ok'],
            [`${ndjson}:2`, 'MALFORMED_PAYLOAD'],
          ]);
        } else {
          const rows = content.trim().split('\n');
          expect(rows[0]).toMatch(/^source,ok,workflow,key_id,key_label,key_status,fingerprint,layout,error_code/);
          expect(rows[0]?.endsWith(',plaintext,plaintext_encoding')).toBe(plaintext);
          expect(rows).toHaveLength(3);
          expect(rows[2]).toContain(',MALFORMED_PAYLOAD,');
        }
      }
    }
    // The default --json on stdout keeps the plaintext, as the command line promises.
    const stdout = await sandbox.run(['decrypt', '--key-file', keyFile, '--ndjson', '--json', ndjson], { env: NO_VAULT });
    expect(stdout.stdout).toContain('s3cr3t-value');
  });

  it('an --output that cannot be written fails before any work (INVALID_INPUT, exit 1)', async () => {
    const p = await sandbox.file('unwritten.txt', seal('x', wfKey));
    const run = await sandbox.run(['decrypt', '--key-file', keyFile, '--output', '/nonexistent/dir/out.ndjson', p], {
      env: NO_VAULT,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error INVALID_INPUT: Cannot write /nonexistent/dir/out.ndjson: its folder does not exist.');
  });

  it.each([
    ['--field without --ndjson', ['--field', 'data']],
    ['--ndjson with --har', ['--ndjson', '--har']],
    ['--format without --output', ['--format', 'csv']],
    ['--include-plaintext without --output', ['--include-plaintext']],
    ['--json with --output', ['--json', '--output', 'x.ndjson']],
    ['an unknown --format', ['--output', 'x.txt', '--format', 'xml']],
    ['--workers that is not a whole number', ['--workers', 'two']],
  ])('refuses %s as a usage error (exit 2)', async (_name, extra) => {
    const run = await sandbox.run(['decrypt', '--key-file', keyFile, ...extra, 'x.txt'], { env: NO_VAULT });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('usage: custody decrypt');
  });

  it('--help explains the inputs and the exit status', async () => {
    const run = await sandbox.run(['decrypt', '--help'], { env: NO_VAULT });
    expect(run.code).toBe(0);
    for (const text of ['--ndjson', '--field <name>', '--har', '--workers <n>', '--output <file>', '--include-plaintext'])
      expect(run.stdout).toContain(text);
    expect(run.stdout).toContain('Exit status: 0 when every item decrypted, 1 when any item failed');
    expect(run.stdout).toContain('130 when stopped with Ctrl-C');
  });
});

describe('custody decrypt: progress and Ctrl-C', () => {
  it('shows progress on stderr only when it is a terminal', async () => {
    const { path } = await bigNdjson('progress.ndjson', wfKey, 4);
    const piped = await sandbox.run(['decrypt', '--key-file', keyFile, '--ndjson', '--json', path], { env: NO_VAULT });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stderr).not.toContain('items/s');
    const tty = await runInTerminal(
      ['decrypt', '--key-file', keyFile, '--ndjson', '--output', join(dirname(path), 'tty.ndjson'), path],
      {
        ...sandbox.env,
        ...NO_VAULT,
      },
      '',
    );
    expect(tty.code, tty.screen).toBe(0);
    expect(tty.screen).toMatch(/\d+ items, \d+ decrypted, 0 failed, \d+ items\/s/);
    expect(tty.screen).toContain('decrypted, 0 no matching key, 0 malformed, 0 other errors');
  });

  /** Spawns the CLI, sends SIGINT once the first result is out, and collects everything. */
  function interruptAfterFirstOutput(args: string[], feed?: (stdin: NodeJS.WritableStream) => void) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'custody.js'), ...args], { env: sandbox.env });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => {
        if (stdout.length === 0) child.kill('SIGINT');
        stdout.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
      });
      child.stdin.on('error', () => undefined);
      if (feed) feed(child.stdin);
      else child.stdin.end();
    });
  }

  it('SIGINT on a big NDJSON stops reading, finishes what started, reports it in order, records the partial batch, exits 130', async () => {
    const { path, lines: total } = await bigNdjson('big.ndjson', otherKey, 96);
    const before = (await auditEntries()).length;
    const run = await interruptAfterFirstOutput(['decrypt', '--any', '--ndjson', '--json', path]);
    expect(run.code, run.stderr).toBe(130);
    const done = lines(run.stdout);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(total);
    expect(done.map((l) => l.source)).toEqual(Array.from({ length: done.length }, (_, i) => `${path}:${i + 1}`));
    expect(done.every((l) => l.ok)).toBe(true);
    expect(run.stderr).toContain('Stopping: finishing the items already started');
    expect(run.stderr).toContain(
      `${done.length} decrypted, 0 no matching key, 0 malformed, 0 other errors (cancelled after ${done.length} items)`,
    );
    const added = (await auditEntries()).slice(before);
    expect(added.map((e) => e.action)).toEqual(['decrypt.batch']);
    expect(added[0]?.details).toMatchObject({ items: done.length, decrypted: done.length, cancelled: true });
  });

  it('SIGINT while stdin has nothing more to give ends the batch at once, without waiting for input', async () => {
    const line = `${JSON.stringify({ payload: seal(`{"pad":"${'z'.repeat(1000)}"}`, wfKey) })}\n`;
    const written = Math.ceil((1.5 * 1024 * 1024) / line.length);
    const run = await interruptAfterFirstOutput(['decrypt', '--key-file', keyFile, '--ndjson', '--json', '-'], (stdin) => {
      // More than a chunk of lines is written, and stdin stays open: the CLI must not wait for its end.
      stdin.write(line.repeat(written));
    });
    expect(run.code, run.stderr).toBe(130);
    const done = lines(run.stdout);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(written);
    expect(done.map((l) => l.source)).toEqual(Array.from({ length: done.length }, (_, i) => `stdin:${i + 1}`));
    expect(run.stderr).toContain(`(cancelled after ${done.length} items)`);
  });
});

describe('custody snippet: receivers for Node, .NET and Python, with a placeholder and never a key', () => {
  const python = spawnSync('python3', ['-c', 'import cryptography'], { encoding: 'utf8' });
  const pythonReady = python.status === 0;
  const pythonWhy = python.error ? 'python3 is not installed' : 'python3 has no cryptography package';
  const dotnet = spawnSync('dotnet', ['--version'], { encoding: 'utf8' });
  const dotnetReady = dotnet.status === 0;

  async function sealedBody(body: string): Promise<string> {
    const run = await sandbox.run(['encrypt', '--workflow', WF], { input: body });
    expect(run.code, run.stderr).toBe(0);
    return run.stdout;
  }

  /** The snippet as printed, with the key put where the placeholder is, as the person would. */
  async function printed(language: string, keyText: string): Promise<string> {
    const run = await sandbox.run(['snippet', language], { env: NO_VAULT });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(KEY_PLACEHOLDER);
    expect(run.stdout.split(KEY_PLACEHOLDER)).toHaveLength(2);
    return run.stdout.replace(KEY_PLACEHOLDER, keyText);
  }

  it('prints the same text as the core holds for the app, and refuses an unknown language (exit 2)', async () => {
    for (const language of ['node', 'dotnet', 'python'] as const) {
      const run = await sandbox.run(['snippet', language], { env: NO_VAULT });
      expect(run.stdout).toBe(RECEIVER_SNIPPETS[language].code);
    }
    const unknown = await sandbox.run(['snippet', 'cobol'], { env: NO_VAULT });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('node, dotnet, python');
  });

  it('the Node snippet decrypts a body sealed by `custody encrypt` (key as base64 and as base64url)', async () => {
    const body = '{"user":{"id":"kp_1"},"note":"héllo"}';
    const payload = await sealedBody(body);
    for (const keyText of [wfKey.toString('base64'), wfKey.toString('base64url')]) {
      const script = await sandbox.file(
        'receiver.cjs',
        `${await printed('node', keyText)}\nprocess.stdout.write(decryptSecureFetchBody(require('node:fs').readFileSync(0, 'utf8')));\n`,
      );
      const run = spawnSync(process.execPath, [script], { input: payload, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(body);
    }
  });

  it.skipIf(!pythonReady)(
    `the Python snippet decrypts a body sealed by \`custody encrypt\`${pythonReady ? '' : ` (skipped: ${pythonWhy})`}`,
    async () => {
      const body = '{"user":{"id":"kp_2"},"note":"héllo"}';
      const payload = await sealedBody(body);
      for (const keyText of [wfKey.toString('base64'), wfKey.toString('base64url').replace(/=+$/, '')]) {
        const script = await sandbox.file(
          'receiver.py',
          `${await printed('python', keyText)}\nimport sys\nsys.stdout.write(decrypt_secure_fetch_body(sys.stdin.read()))\n`,
        );
        const run = spawnSync('python3', [script], {
          input: payload,
          encoding: 'utf8',
          env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
        });
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe(body);
      }
    },
  );

  it('the Python snippet reads the Kinde layout (always checked, also where Python cannot run)', async () => {
    const text = await printed('python', 'KEY');
    expect(text).toContain('from cryptography.hazmat.primitives.ciphers.aead import AESGCM');
    expect(text).toContain('nonce, tag, ciphertext = data[:12], data[12:28], data[28:]');
    expect(text).toContain('def decrypt_secure_fetch_body(body: str) -> str:');
  });

  const python3 = !spawnSync('python3', ['--version']).error;
  it.skipIf(!python3)(`the Python snippet parses as Python${python3 ? '' : ' (skipped: python3 is not installed)'}`, async () => {
    const text = await printed('python', 'KEY');
    const compiled = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], {
      input: text,
      encoding: 'utf8',
    });
    expect(compiled.status, compiled.stderr).toBe(0);
  });

  it.skipIf(!dotnetReady)(
    `the .NET snippet decrypts a body sealed by \`custody encrypt\`${dotnetReady ? '' : ' (skipped: no .NET SDK (dotnet) on this machine)'}`,
    async () => {
      const body = '{"user":{"id":"kp_3"},"note":"héllo"}';
      const payload = await sealedBody(body);
      const project = join(dirname(keyFile), 'dotnet-receiver');
      await mkdir(project, { recursive: true });
      const framework = `net${dotnet.stdout.trim().split('.')[0]}.0`;
      await writeFile(
        join(project, 'Receiver.csproj'),
        `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>${framework}</TargetFramework></PropertyGroup></Project>\n`,
      );
      await writeFile(join(project, 'Receiver.cs'), await printed('dotnet', wfKey.toString('base64')));
      await writeFile(
        join(project, 'Program.cs'),
        'System.Console.Out.Write(SecureFetchReceiver.DecryptSecureFetchBody(System.Console.In.ReadToEnd()));\n',
      );
      const run = spawnSync('dotnet', ['run', '--project', project], { input: payload, encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe(body);
    },
    180_000,
  );

  it('the .NET snippet is well-formed: balanced, AesGcm with a 16-byte tag, nonce 12 | tag 16 | ciphertext', async () => {
    const text = await printed('dotnet', 'KEY');
    for (const [open, close] of [
      ['{', '}'],
      ['(', ')'],
      ['[', ']'],
    ] as const)
      expect(text.split(open).length, `${open}${close}`).toBe(text.split(close).length);
    expect(text).toContain('using System.Security.Cryptography;');
    expect(text).toContain('new AesGcm(FromBase64Any(WorkflowKey), 16)');
    expect(text).toContain('aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), plaintext);');
    expect(text).toContain('public static string DecryptSecureFetchBody(string body)');
    expect(text).toContain('private const string WorkflowKey = "KEY";');
  });
});

describe('secrets', () => {
  it('R4: no batch, export or snippet output ever held a key value (only `keys add` printed one)', () => {
    const keyAdds = sandbox.runs.filter((run) => keyValues.includes(run.stdout.trim()));
    expect(keyAdds).toHaveLength(2);
    for (const run of sandbox.runs) {
      const shown = keyAdds.includes(run) ? run.stderr : outputOf(run);
      for (const value of keyValues) for (const spelling of spellingsOf(value)) expect(shown).not.toContain(spelling);
    }
  });
});
