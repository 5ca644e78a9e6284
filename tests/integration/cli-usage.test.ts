import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, type CliSandbox, createCliSandbox } from '../support/cli-sandbox';
import { type KeyList, fingerprintOfValue, outputOf, parseJson } from '../support/key-values';
import { runInTerminal } from '../support/terminal';

/** Exit 2 with a usage line for bad arguments, INVALID_KEY for a bad key file, R9 confirmations. */
let sandbox: CliSandbox;
const WF = 'onUserTokenGeneration';
let activeId: string;
let inactiveId: string;

beforeAll(async () => {
  sandbox = await createCliSandbox();
  await sandbox.runAll([
    ['init'],
    ['workflows', 'add', WF],
    ['keys', 'add', WF],
    ['keys', 'add', WF],
    ['workflows', 'add', 'empty'],
  ]);
  const keys = parseJson<KeyList>(await sandbox.run(['keys', 'list', WF, '--json']));
  activeId = keys.find((k) => k.status === 'active')!.id;
  inactiveId = keys.find((k) => k.status === 'inactive')!.id;
});
afterAll(() => sandbox.cleanup());

function expectUsage(run: CliRun, usage: string): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^error: /);
  expect(run.stderr).toContain(`usage: ${usage}`);
}

describe('bad arguments exit 2 with a usage line, before the vault is opened', () => {
  it.each([
    ['an unknown command', ['rotate'], 'custody [options] [command]'],
    ['a missing argument', ['keys', 'add'], 'custody keys add [options] <workflow>'],
    ['an unknown option', ['workflows', 'list', '--jsn'], 'custody workflows list [options]'],
    ['an extra argument', ['workflows', 'rename', WF, 'a', 'b'], 'custody workflows rename [options] <id> <name>'],
    ['decrypt without a key source', ['decrypt', 'x.txt'], 'custody decrypt [options] [inputs...]'],
    ['decrypt with two key sources', ['decrypt', '--any', '--workflow', WF], 'custody decrypt [options] [inputs...]'],
    ['encrypt without a key source', ['encrypt'], 'custody encrypt [options] [file]'],
    ['stdin for both the keys and the payload', ['decrypt', '--key-file', '-', '-'], 'custody decrypt [options] [inputs...]'],
    ['import without --key-file', ['keys', 'import', WF], 'custody keys import [options] <workflow>'],
    ['a workflow id outside R1', ['workflows', 'add', 'has space'], 'custody workflows add [options] <id>'],
    ['a malformed key id', ['keys', 'delete', WF, 'key-1', '--yes'], 'custody keys delete [options] <workflow> <key-id>'],
  ])('%s', async (_what, args, usage) => {
    const before = await sandbox.snapshot();
    expectUsage(await sandbox.run(args), usage);
    expect(await sandbox.snapshot()).toEqual(before);
  });

  it('refuses a key value given on the command line, without repeating it', async () => {
    const key = randomBytes(32).toString('base64');
    for (const args of [
      ['keys', 'import', WF, key],
      ['fingerprint', key],
      ['workflows', 'add', key],
    ]) {
      const run = await sandbox.run(args);
      expect(run.code).toBe(2);
      expect(outputOf(run)).not.toContain(key);
    }
  });

  it('with no arguments prints help on stderr and exits 2; --help prints every command and exits 0', async () => {
    const bare = await sandbox.run([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Usage: custody');
    const help = await sandbox.run(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['init', 'workflows', 'keys', 'decrypt', 'encrypt', 'audit', 'fingerprint'])
      expect(help.stdout).toContain(`  ${command}`);
    const keysHelp = await sandbox.run(['help', 'keys']);
    expect(keysHelp.code).toBe(0);
    for (const command of ['list', 'add', 'import', 'activate', 'deactivate', 'delete'])
      expect(keysHelp.stdout).toContain(`  ${command}`);
  });
});

describe('a bad key file is INVALID_KEY (exit 1), and its content is never echoed', () => {
  const badFiles: [string, string][] = [
    ['text that is not base64', 'my-secret-passphrase\n'],
    ['a key of 31 bytes', `${randomBytes(31).toString('base64')}\n`],
    ['a key of 33 bytes', `${randomBytes(33).toString('base64url')}\n`],
    ['a good key followed by a bad line', `${randomBytes(32).toString('base64')}\nnot-a-key!\n`],
    ['an empty file', ''],
    ['only blank lines', '\n   \n\n'],
  ];

  it.each(badFiles)('%s', async (name, content) => {
    const keyFile = await sandbox.file(`bad-${name.replace(/\W+/g, '-')}.txt`, content);
    const payload = await sandbox.file('some-payload.txt', randomBytes(40).toString('base64url'));
    const before = await sandbox.snapshot();
    for (const args of [
      ['keys', 'import', WF, '--key-file', keyFile],
      ['decrypt', '--key-file', keyFile, payload],
      ['encrypt', '--key-file', keyFile, payload],
      ['fingerprint', '--key-file', keyFile],
    ]) {
      const run = await sandbox.run(args);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain('error INVALID_KEY:');
      for (const line of content.split('\n').filter((l) => l.trim())) expect(outputOf(run)).not.toContain(line.trim());
    }
    expect(await sandbox.snapshot()).toEqual(before);
  });

  it('import and encrypt take exactly one key; a file of two is refused', async () => {
    const two = await sandbox.file(
      'two-keys.txt',
      `${randomBytes(32).toString('base64')}\n${randomBytes(32).toString('base64')}\n`,
    );
    const before = await sandbox.snapshot();
    const run = await sandbox.run(['keys', 'import', WF, '--key-file', two]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error INVALID_KEY:');
    expect((await sandbox.run(['encrypt', '--key-file', two], { input: 'x' })).stderr).toContain('error INVALID_KEY:');
    expect(await sandbox.snapshot()).toEqual(before);
  });

  it('a key file that cannot be read is INVALID_INPUT', async () => {
    const run = await sandbox.run(['fingerprint', '--key-file', '/nonexistent/key.txt']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error INVALID_INPUT: Cannot read /nonexistent/key.txt: it does not exist.');
  });
});

describe('R2 fingerprint', () => {
  it('prints the first 8 bytes of SHA-256 of each key, in file order, from a file or stdin', async () => {
    const keys = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64url').replace(/=+$/, '')];
    const run = await sandbox.run(['fingerprint', '--key-file', '-'], { input: `${keys[0]}\n\n  ${keys[1]}\n` });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(keys.map((k) => `${fingerprintOfValue(k)}\n`).join(''));
    const json = await sandbox.run(['fingerprint', '--key-file', '-', '--json'], { input: keys.join('\n') });
    expect(JSON.parse(json.stdout)).toEqual(keys.map((k, index) => ({ index, fingerprint: fingerprintOfValue(k) })));
  });
});

describe('R9 destructive commands ask on a terminal and need --yes otherwise', () => {
  it.each([
    ['keys activate', () => ['keys', 'activate', WF, inactiveId]],
    ['keys deactivate', () => ['keys', 'deactivate', WF, activeId]],
    ['keys delete', () => ['keys', 'delete', WF, inactiveId]],
    ['workflows remove', () => ['workflows', 'remove', 'empty']],
  ])('%s without a terminal and without --yes: exit 2, nothing changed', async (_name, args) => {
    const before = await sandbox.snapshot();
    const run = await sandbox.run(args());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs confirmation');
    expect(run.stderr).toContain('--yes');
    expect(await sandbox.snapshot()).toEqual(before);
  });

  it('on a terminal, the question names the key and the consequence; anything but "y" changes nothing', async () => {
    for (const typed of ['n\n', '\n', 'maybe\n']) {
      const before = await sandbox.snapshot();
      const { code, screen } = await runInTerminal(['keys', 'activate', WF, inactiveId], sandbox.env, typed);
      expect(code, screen).toBe(1);
      expect(screen).toContain(`Activate key ${inactiveId}`);
      expect(screen).toContain(`The active key ${activeId}`);
      expect(screen).toContain('becomes inactive');
      expect(screen).toContain('[y/N]');
      expect(screen).toContain('Cancelled: nothing was changed.');
      expect(await sandbox.snapshot()).toEqual(before);
    }
  });

  it('on a terminal, "y" performs it', async () => {
    const { code, screen } = await runInTerminal(['keys', 'delete', WF, inactiveId], sandbox.env, 'y\n');
    expect(code, screen).toBe(0);
    expect(screen).toContain(`Delete key ${inactiveId}`);
    // R13: the vault's waiting period (7 days by default); the key stays until then.
    expect(screen).toContain('leaves the vault in 7 days');
    expect(screen).toContain('you can cancel until then');
    expect(screen).toContain('Deletion scheduled for');
    const listed = parseJson<KeyList>(await sandbox.run(['keys', 'list', WF, '--json']));
    expect(listed.find((k) => k.id === inactiveId)?.deletionScheduledFor).not.toBeNull();

    const removed = await runInTerminal(['workflows', 'remove', 'empty'], sandbox.env, 'yes\n');
    expect(removed.code, removed.screen).toBe(0);
    expect(removed.screen).toContain('Remove workflow empty?');
  });

  it('on a terminal, confirming an operation the core refuses still leaves the decision to the core', async () => {
    const before = await sandbox.snapshot();
    const { code, screen } = await runInTerminal(['keys', 'delete', WF, activeId], sandbox.env, 'y\n');
    expect(code, screen).toBe(1);
    expect(screen).toContain(`Delete key ${activeId}`);
    expect(screen).toContain('error ACTIVE_KEY_DELETE_REFUSED:');
    expect(await sandbox.snapshot()).toEqual(before);
  });
});
