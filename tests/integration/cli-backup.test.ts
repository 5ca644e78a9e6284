import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/domain';
import { type CliRun, type CliSandbox, createCliSandbox } from '../support/cli-sandbox';
import { runTerminalDialog } from '../support/terminal';

/**
 * R16 through the built CLI against the real keychain: a backup made on one "machine" (its own
 * CUSTODY_HOME and keychain service) restores on another, whose own keychain item then seals it;
 * the keys decrypt the same payloads and the audit chain verifies with the restore entry. A wrong
 * passphrase, a flipped byte or a truncated file changes no byte of anything.
 */
let here: CliSandbox;
let there: CliSandbox;
const WF = 'onUserTokenGeneration';
const PASS = 'correct horse battery';
let passFile: string;
let backupFile: string;
let payload: string;

beforeAll(async () => {
  here = await createCliSandbox();
  there = await createCliSandbox();
  await here.runAll([['init'], ['workflows', 'add', WF, '--name', 'Token generation'], ['keys', 'add', WF], ['keys', 'add', WF]]);
  const body = await here.file('body.txt', 'a secret body');
  const sealed = await here.run(['encrypt', '--workflow', WF, body]);
  expect(sealed.code, sealed.stderr).toBe(0);
  payload = await here.file('payload.txt', sealed.stdout.trim());
  passFile = await here.file('pass.txt', `${PASS}\n`);
  backupFile = join(here.home, '..', 'scratch', 'vault.backup');
}, 60_000);
afterAll(async () => {
  await here.cleanup();
  await there.cleanup();
});

function expectFailure(run: CliRun, code: string): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toMatch(new RegExp(`^error ${code}: `));
}

async function entries(sandbox: CliSandbox): Promise<AuditEntry[]> {
  const run = await sandbox.run(['audit', '--json']);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as AuditEntry);
}

async function folderBytes(folder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const path = join(folder, name);
    if ((await stat(path)).isFile()) out[name] = (await readFile(path)).toString('base64');
    else out[name] = 'folder';
  }
  return out;
}

describe('custody backup', () => {
  it('writes a 0600 file from --backup-passphrase-file, audited with its path and counts', async () => {
    const run = await here.run(['backup', '--output', backupFile, '--backup-passphrase-file', passFile]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('1 workflow(s), 2 key(s)');
    expect((await stat(backupFile)).mode & 0o777).toBe(0o600);
    const last = (await entries(here)).at(-1);
    expect(last).toMatchObject({ action: 'vault.backup', details: { file: backupFile, workflows: 1, keys: 2 } });
    expect(JSON.stringify(here.runs)).not.toContain(PASS);
  });

  it('refuses to overwrite without --force, and to run without a passphrase source off a terminal', async () => {
    const before = await readFile(backupFile);
    expectFailure(await here.run(['backup', '--output', backupFile, '--backup-passphrase-file', passFile]), 'ALREADY_EXISTS');
    expect((await readFile(backupFile)).equals(before)).toBe(true);
    const bare = await here.run(['backup', '--output', `${backupFile}.2`]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--backup-passphrase-file');
  });

  it('on a terminal asks for the backup passphrase twice, without echo, and refuses two that differ', async () => {
    const other = `${backupFile}.typed`;
    const differ = await runTerminalDialog(['backup', '--output', other], here.env, [
      { prompt: 'Backup passphrase: ', type: PASS },
      { prompt: 'Backup passphrase again: ', type: `${PASS}!` },
    ]);
    expect(differ.code).toBe(1);
    expect(differ.screen).toContain('INVALID_INPUT');
    await expect(stat(other)).rejects.toMatchObject({ code: 'ENOENT' });
    const typed = await runTerminalDialog(['backup', '--output', other], here.env, [
      { prompt: 'Backup passphrase: ', type: PASS },
      { prompt: 'Backup passphrase again: ', type: PASS },
    ]);
    expect(typed.code, typed.screen).toBe(0);
    expect(typed.screen).not.toContain(PASS);
  }, 60_000);
});

describe('custody restore', () => {
  it('--dry-run reads the header alone and changes nothing', async () => {
    const run = await there.run(['restore', '--dry-run', backupFile]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('1 workflow(s), 2 key(s)');
    expect(await there.snapshot()).toEqual({ vault: null, audit: null });
  });

  it('a wrong passphrase, a flipped byte or a truncated file is BACKUP_INVALID and changes no byte', async () => {
    const good = await readFile(backupFile);
    const wrong = await here.file('wrong.txt', 'not the passphrase\n');
    const flipped = Buffer.from(good);
    flipped[Math.floor(good.length / 2)] = (flipped[Math.floor(good.length / 2)] ?? 0) ^ 0x01;
    const flippedFile = await here.file('flipped.backup', flipped);
    const truncatedFile = await here.file('truncated.backup', good.subarray(0, good.length - 40));
    const beforeHere = await folderBytes(here.home);
    for (const [file, pass] of [
      [backupFile, wrong],
      [flippedFile, passFile],
      [truncatedFile, passFile],
    ] as const) {
      expectFailure(await here.run(['restore', file, '--backup-passphrase-file', pass, '--yes']), 'BACKUP_INVALID');
      expectFailure(await there.run(['restore', file, '--backup-passphrase-file', pass]), 'BACKUP_INVALID');
    }
    expect(await folderBytes(here.home)).toEqual(beforeHere);
    expect(await folderBytes(there.home)).toEqual({});
    expect(await there.keychain.get(there.service, 'vault-key')).toBeNull();
  }, 60_000);

  it('into an empty home on another keychain service: its own keychain item, the same keys, a verifying audit log', async () => {
    const run = await there.run(['restore', backupFile, '--backup-passphrase-file', passFile]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Restored the vault');
    expect(await there.keychain.get(there.service, 'vault-key')).not.toBeNull();
    expect(await there.keychain.get(there.service, 'vault-key')).not.toEqual(await here.keychain.get(here.service, 'vault-key'));
    const keys = async (s: CliSandbox) => JSON.parse((await s.run(['keys', 'list', WF, '--json'])).stdout) as unknown;
    const theirs = await keys(there);
    const ours = await keys(here);
    expect(theirs).toEqual(ours);
    const decrypted = await there.run(['decrypt', '--workflow', WF, payload]);
    expect(decrypted.code, decrypted.stderr).toBe(0);
    expect(decrypted.stdout).toContain('a secret body');
    const verify = await there.run(['audit', '--verify']);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    const restore = (await entries(there)).find((e) => e.action === 'vault.restore');
    const header = JSON.parse(await readFile(backupFile, 'utf8')) as { createdAt: string };
    expect(restore?.details).toMatchObject({ backupMadeAt: header.createdAt, setAsideIn: null });
  }, 60_000);

  it('over an existing vault: refuses off a terminal without --yes, then copies the current files into a dated folder first', async () => {
    await here.runAll([['workflows', 'add', 'later']]);
    const before = await here.snapshot();
    const refused = await here.run(['restore', backupFile, '--backup-passphrase-file', passFile]);
    expect(refused.code).toBe(2);
    expect(await here.snapshot()).toEqual(before);
    const run = await here.run(['restore', backupFile, '--backup-passphrase-file', passFile, '--yes']);
    expect(run.code, run.stderr).toBe(0);
    const folder = (await readdir(here.home)).find((name) => /^before-restore-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/.test(name));
    expect(folder).toBeDefined();
    const aside = join(here.home, folder ?? '');
    expect((await readFile(join(aside, 'vault.json'))).equals(before.vault ?? Buffer.alloc(0))).toBe(true);
    expect((await readFile(join(aside, 'audit.jsonl'))).equals(before.audit ?? Buffer.alloc(0))).toBe(true);
    const listed = await here.run(['workflows', 'list']);
    expect(listed.stdout).not.toContain('later');
    expect((await here.run(['audit', '--verify'])).code).toBe(0);
  }, 60_000);

  it('on a terminal asks before replacing a vault, and "no" changes nothing', async () => {
    const before = await there.snapshot();
    const declined = await runTerminalDialog(['restore', backupFile], there.env, [{ prompt: '[y/N]', type: 'n' }]);
    expect(declined.code).not.toBe(0);
    expect(declined.screen).toContain('Replace the vault');
    expect(await there.snapshot()).toEqual(before);
  }, 30_000);

  it('works when the keychain item exists but vault.json is gone', async () => {
    const { rm } = await import('node:fs/promises');
    await rm(there.vaultPath);
    await writeFile(join(there.home, 'note.txt'), 'untouched');
    const run = await there.run(['restore', backupFile, '--backup-passphrase-file', passFile]);
    expect(run.code, run.stderr).toBe(0);
    expect((await there.run(['audit', '--verify'])).code).toBe(0);
    expect(await readFile(join(there.home, 'note.txt'), 'utf8')).toBe('untouched');
  }, 60_000);
});
