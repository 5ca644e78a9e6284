import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/domain';
import { type CliRun, type CliSandbox, createCliSandbox } from '../support/cli-sandbox';
import { runTerminalDialog } from '../support/terminal';

/**
 * The vault passphrase through the CLI against the real keychain: set, change, remove, from a
 * file, from stdin and from the terminal (never echoed); a wrong one exits 1 with WRONG_PASSPHRASE
 * and changes nothing; the audit chain verifies across every change.
 */
let sandbox: CliSandbox;
const WF = 'onUserTokenGeneration';
const FIRST = 'first passphrase';
const SECOND = 'second passphrase';
let first: string;
let second: string;

beforeAll(async () => {
  sandbox = await createCliSandbox();
  await sandbox.runAll([['init'], ['workflows', 'add', WF], ['keys', 'add', WF]]);
  first = await sandbox.file('first.txt', `${FIRST}\n`);
  second = await sandbox.file('second.txt', `${SECOND}\n`);
});
afterAll(() => sandbox.cleanup());

function expectFailure(run: CliRun, code: string): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toMatch(new RegExp(`^error ${code}: `));
}

async function auditActions(passphraseFile?: string): Promise<string[]> {
  const run = await sandbox.run(['audit', '--json', ...(passphraseFile ? ['--passphrase-file', passphraseFile] : [])]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as AuditEntry).action);
}

describe('custody passphrase', () => {
  it('set from a file: then every command needs it, and without a terminal or a file says VAULT_LOCKED', async () => {
    const set = await sandbox.run(['passphrase', 'set', '--passphrase-file', first]);
    expect(set.code, set.stderr).toBe(0);
    expectFailure(await sandbox.run(['workflows', 'list']), 'VAULT_LOCKED');
    const listed = await sandbox.run(['workflows', 'list', '--passphrase-file', first]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(WF);
    // The option is global: before the command as well as after it.
    expect((await sandbox.run(['--passphrase-file', first, 'keys', 'list', WF])).code).toBe(0);
  });

  it('reads it from stdin with --passphrase-file -', async () => {
    const run = await sandbox.run(['keys', 'list', WF, '--passphrase-file', '-'], { input: `${FIRST}\n` });
    expect(run.code, run.stderr).toBe(0);
  });

  it('a wrong passphrase exits 1 with WRONG_PASSPHRASE and changes neither the vault nor the audit log', async () => {
    const before = await sandbox.snapshot();
    expectFailure(await sandbox.run(['workflows', 'add', 'other', '--passphrase-file', second]), 'WRONG_PASSPHRASE');
    expectFailure(
      await sandbox.run(['passphrase', 'change', '--passphrase-file', second, '--new-passphrase-file', first]),
      'WRONG_PASSPHRASE',
    );
    expect(await sandbox.snapshot()).toEqual(before);
  });

  it('refuses stdin for two passphrases, and a passphrase on the command line, before anything changes', async () => {
    const before = await sandbox.snapshot();
    const both = await sandbox.run(['passphrase', 'change', '--passphrase-file', '-', '--new-passphrase-file', '-']);
    expect(both.code).toBe(2);
    const onArgv = await sandbox.run(['passphrase', 'set', FIRST]);
    expect(onArgv.code).toBe(2);
    expect(onArgv.stderr).not.toContain(FIRST);
    expect(await sandbox.snapshot()).toEqual(before);
  });

  it('change: the old one stops working, the new one works, and the audit chain verifies', async () => {
    const run = await sandbox.run(['passphrase', 'change', '--passphrase-file', first, '--new-passphrase-file', second]);
    expect(run.code, run.stderr).toBe(0);
    expectFailure(await sandbox.run(['workflows', 'list', '--passphrase-file', first]), 'WRONG_PASSPHRASE');
    const verified = await sandbox.run(['audit', '--verify', '--passphrase-file', second]);
    expect(verified.code, verified.stderr).toBe(0);
    // The wrong tries are recorded by the next unlock that succeeds.
    expect((await auditActions(second)).slice(-4)).toEqual([
      'passphrase.set',
      'unlock.failed',
      'passphrase.change',
      'unlock.failed',
    ]);
  });

  it('remove: the keychain alone opens the vault again, and the chain still verifies', async () => {
    const run = await sandbox.run(['passphrase', 'remove', '--passphrase-file', second]);
    expect(run.code, run.stderr).toBe(0);
    expect((await sandbox.run(['audit', '--verify'])).code).toBe(0);
    expect((await auditActions()).at(-1)).toBe('passphrase.remove');
  });

  it('on a terminal: set asks twice, commands ask once, and nothing typed is echoed', async () => {
    const set = await runTerminalDialog(['passphrase', 'set'], sandbox.env, [
      { prompt: 'New passphrase: ', type: FIRST },
      { prompt: 'New passphrase again: ', type: FIRST },
    ]);
    expect(set.code, set.screen).toBe(0);
    expect(set.screen).not.toContain(FIRST);
    const listed = await runTerminalDialog(['workflows', 'list'], sandbox.env, [{ prompt: 'Vault passphrase: ', type: FIRST }]);
    expect(listed.code, listed.screen).toBe(0);
    expect(listed.screen).toContain(WF);
    expect(listed.screen).not.toContain(FIRST);
    const mismatch = await runTerminalDialog(['passphrase', 'change'], sandbox.env, [
      { prompt: 'Vault passphrase: ', type: FIRST },
      { prompt: 'New passphrase: ', type: SECOND },
      { prompt: 'New passphrase again: ', type: 'something else' },
    ]);
    expect(mismatch.code).toBe(1);
    expect(mismatch.screen).toContain('INVALID_INPUT');
  });

  it('never writes a passphrase into the vault folder', async () => {
    for (const path of [sandbox.vaultPath, sandbox.auditPath]) {
      const text = await readFile(path, 'utf8');
      expect(text).not.toContain(FIRST);
      expect(text).not.toContain(SECOND);
    }
  });
});

describe('custody settings', () => {
  it('lists the defaults, changes one (audited), and refuses a value out of range with exit 1', async () => {
    const pass = ['--passphrase-file', first];
    const listed = await sandbox.run(['settings', '--json', ...pass]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual({ idleMinutes: 5, clipboardSeconds: 30, deletionWaitDays: 7, passphraseSet: true });
    expect((await sandbox.run(['settings', 'set', 'clipboardSeconds', '45', ...pass])).code).toBe(0);
    const before = await sandbox.snapshot();
    expectFailure(await sandbox.run(['settings', 'set', 'idleMinutes', '0', ...pass]), 'INVALID_INPUT');
    expect((await sandbox.run(['settings', 'set', 'lockOnSleep', '1', ...pass])).code).toBe(2);
    expect(await sandbox.snapshot()).toEqual(before);
    const after = await sandbox.run(['settings', '--json', ...pass]);
    expect(JSON.parse(after.stdout)).toMatchObject({ clipboardSeconds: 45 });
    expect((await auditActions(first)).at(-1)).toBe('settings.update');
  });
});
