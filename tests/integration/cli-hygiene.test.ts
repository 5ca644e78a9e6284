import { spawnSync } from 'node:child_process';
import { lstat, readFile, stat, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, KeyInfo } from '../../shared/domain';
import { type CliSandbox, createCliSandbox } from '../support/cli-sandbox';
import { fingerprintOfValue, spellingsOf } from '../support/key-values';
import { runInTerminal } from '../support/terminal';

/**
 * Issue 22's file, terminal and audit protections, through the built CLI against the real
 * keychain: what a person at a terminal, or a hostile file in the way, meets.
 */
let sandbox: CliSandbox;
const WF = 'onUserTokenGeneration';
const BODY = '{"user":"ada","secret":"s3cret-body"}';
let payloadFile: string;
let keyValue: string;

const hasScript = spawnSync('script', ['--version']).status === 0;
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
if (!hasScript) console.log('skipped: terminal tests (util-linux `script` is not installed)');
if (!hasMkfifo) console.log('skipped: FIFO test (mkfifo is not installed)');

async function auditEntries(): Promise<AuditEntry[]> {
  const run = await sandbox.run(['audit', '--json']);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as AuditEntry);
}

async function keysOf(workflow: string): Promise<KeyInfo[]> {
  const run = await sandbox.run(['keys', 'list', workflow, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as KeyInfo[];
}

beforeAll(async () => {
  sandbox = await createCliSandbox();
  await sandbox.runAll([['init'], ['workflows', 'add', WF], ['workflows', 'add', 'typed']]);
  const added = await sandbox.run(['keys', 'add', WF]);
  expect(added.code, added.stderr).toBe(0);
  keyValue = added.stdout.trim();
  const sealed = await sandbox.run(['encrypt', '--workflow', WF], { input: BODY });
  expect(sealed.code, sealed.stderr).toBe(0);
  payloadFile = await sandbox.file('payload.txt', sealed.stdout);
});
afterAll(() => sandbox.cleanup());

describe('custody decrypt --output: files it must not write into', () => {
  it('refuses a symlink with UNSUPPORTED_INPUT, naming it, and leaves the file it points to untouched', async () => {
    const target = await sandbox.file('precious.txt', 'do not overwrite\n');
    const link = join(dirname(target), 'results.ndjson');
    await symlink(target, link);
    const before = await sandbox.snapshot();
    const run = await sandbox.run(['decrypt', '--workflow', WF, '--output', link, '--include-plaintext', payloadFile]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error UNSUPPORTED_INPUT: ${link} is a symbolic link`);
    expect(await readFile(target, 'utf8')).toBe('do not overwrite\n');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await sandbox.snapshot()).toEqual(before);
  });

  it.skipIf(!hasMkfifo)('refuses a FIFO at once instead of waiting for a reader (needs mkfifo)', async () => {
    const fifo = join(dirname(payloadFile), 'results.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const run = await sandbox.run(['decrypt', '--workflow', WF, '--output', fifo, payloadFile]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error UNSUPPORTED_INPUT: ${fifo} is a named pipe (FIFO)`);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  it('records a file of plaintext in the audit log (where, how many items), never the plaintext', async () => {
    const output = join(dirname(payloadFile), 'plain.ndjson');
    const run = await sandbox.run(['decrypt', '--workflow', WF, '--output', output, '--include-plaintext', payloadFile]);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(output, 'utf8')).toContain('s3cret-body');
    expect((await stat(output)).mode & 0o777).toBe(0o600);
    const last = (await auditEntries()).at(-1);
    expect(last).toMatchObject({ action: 'plaintext.export', details: { path: output, format: 'ndjson', items: 1 } });
    expect(await readFile(sandbox.auditPath, 'utf8')).not.toContain('s3cret');
  });

  it('records nothing for a file without plaintext', async () => {
    const before = (await auditEntries()).length;
    const run = await sandbox.run([
      'decrypt',
      '--workflow',
      WF,
      '--output',
      join(dirname(payloadFile), 'no-plain.ndjson'),
      payloadFile,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect((await auditEntries()).map((e) => e.action).slice(before)).toEqual(['decrypt.batch']);
  });
});

describe('custody encrypt is on record', () => {
  it('with --workflow: one entry with the key, its fingerprint and the byte count, never the text', async () => {
    const [key] = await keysOf(WF);
    const run = await sandbox.run(['encrypt', '--workflow', WF], { input: 'four' });
    expect(run.code, run.stderr).toBe(0);
    expect((await auditEntries()).at(-1)).toMatchObject({
      action: 'payload.encrypt',
      workflowId: WF,
      keyId: key?.id,
      fingerprint: fingerprintOfValue(keyValue),
      details: { bytes: 4 },
    });
    expect(await readFile(sandbox.auditPath, 'utf8')).not.toContain(BODY.slice(2, 12));
  });

  it('with --key-file: no vault is opened and nothing is recorded, as its help says', async () => {
    const keyFile = await sandbox.file('key.txt', `${keyValue}\n`);
    const before = await sandbox.snapshot();
    const run = await sandbox.run(['encrypt', '--key-file', keyFile], { input: 'four' });
    expect(run.code, run.stderr).toBe(0);
    expect(await sandbox.snapshot()).toEqual(before);
    expect((await sandbox.run(['encrypt', '--help'])).stdout).toContain('nothing is recorded in the audit log');
  });
});

describe('names, labels and what is printed from the vault', () => {
  it('refuses control characters and direction overrides in a workflow name or a key label', async () => {
    const before = await sandbox.snapshot();
    const name = await sandbox.run(['workflows', 'add', 'evil', '--name', 'pay\u001b[2Jroll']);
    expect(name.code).toBe(2);
    expect(name.stderr).toContain('control characters and text-direction overrides are not allowed');
    const label = await sandbox.run(['keys', 'add', WF, '--label', 'abc\u202Efdp.exe']);
    expect(label.code).toBe(2);
    expect(await sandbox.snapshot()).toEqual(before);
  });

  it('prints a path holding an escape sequence (from the audit log) escaped', async () => {
    const output = join(dirname(payloadFile), 'odd\u001b[31mname.ndjson');
    const run = await sandbox.run(['decrypt', '--workflow', WF, '--output', output, '--include-plaintext', payloadFile]);
    expect(run.code, run.stderr).toBe(0);
    const table = await sandbox.run(['audit']);
    expect(table.stdout).toContain('odd\\x1B[31mname.ndjson');
    expect(table.stdout).not.toContain('\u001b');
  });
});

describe.skipIf(!hasScript)('custody keys add and --key-file - at a terminal (needs util-linux script)', () => {
  it('refuses to print a new key on a terminal without --reveal, before creating it (exit 2)', async () => {
    const before = await sandbox.snapshot();
    const { code, screen } = await runInTerminal(['keys', 'add', 'typed'], sandbox.env, '');
    expect(code).toBe(2);
    expect(screen).toContain('No key was created');
    expect(screen).toContain('--reveal');
    expect(await sandbox.snapshot()).toEqual(before);
    expect(await keysOf('typed')).toEqual([]);
  });

  it('prints it on the terminal with --reveal', async () => {
    const { code, screen } = await runInTerminal(['keys', 'add', 'typed', '--reveal'], sandbox.env, '');
    expect(code, screen).toBe(0);
    const [key] = await keysOf('typed');
    expect(screen).toContain(`Added ${key?.id}`);
    expect(screen).toMatch(/^[A-Za-z0-9+/]{43}=\r?$/m);
  });

  it('reads a key typed or pasted at the terminal without echoing it', async () => {
    const imported = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWY=';
    const { code, screen } = await runInTerminal(
      ['keys', 'import', 'typed', '--key-file', '-'],
      sandbox.env,
      `${imported}\r\u0004`,
      'nothing is shown',
    );
    expect(code, screen).toBe(0);
    for (const spelling of spellingsOf(imported)) expect(screen).not.toContain(spelling);
    expect((await keysOf('typed')).map((k) => k.fingerprint)).toContain(fingerprintOfValue(imported));
  });
});
