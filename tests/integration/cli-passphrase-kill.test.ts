import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Custody, lockFilePath } from '../../electron/custody';
import { type CliSandbox, REPO_ROOT, createCliSandbox } from '../support/cli-sandbox';

/**
 * A kill -9 at any moment of `custody passphrase change` leaves the old or the new passphrase
 * working: the change is one atomic replacement of vault.json, and nothing else (not the keychain,
 * not the sealed keys) changes. Proved by killing real CLI processes at random moments.
 */
let sandbox: CliSandbox;
const PASSPHRASES = ['passphrase number one', 'passphrase number two'] as const;
const files: string[] = [];
const TIME_BUDGET_MS = 20_000;
const MIN_ROUNDS = 3;

beforeAll(async () => {
  sandbox = await createCliSandbox();
  files.push(await sandbox.file('one.txt', PASSPHRASES[0]), await sandbox.file('two.txt', PASSPHRASES[1]));
  await sandbox.runAll([
    ['init'],
    ['workflows', 'add', 'wf'],
    ['keys', 'add', 'wf'],
    ['passphrase', 'set', '--passphrase-file', files[0]!],
  ]);
});
afterAll(() => sandbox.cleanup());

function changeArgs(from: number, to: number): string[] {
  return ['passphrase', 'change', '--passphrase-file', files[from]!, '--new-passphrase-file', files[to]!];
}

/** Runs the CLI and sends SIGKILL after `delayMs` (if it is still running); resolves when it is gone. */
function runAndKill(args: readonly string[], delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'custody.js'), ...args], { env: sandbox.env, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Which passphrase opens the vault now, asked as the app would ask it; -1 for neither. */
async function workingPassphrase(tryFirst: number): Promise<number> {
  for (const index of [tryFirst, 1 - tryFirst]) {
    const custody = new Custody({
      location: { home: sandbox.home, keychainService: sandbox.service },
      secrets: sandbox.keychain,
    });
    try {
      await custody.unlock(PASSPHRASES[index]);
      await custody.listWorkflows();
      return index;
    } catch (error) {
      if ((error as { code?: string }).code !== 'WRONG_PASSPHRASE') throw error;
    } finally {
      custody.lock();
    }
  }
  return -1;
}

describe('kill -9 during custody passphrase change', () => {
  it('leaves the old or the new passphrase working, every time', { timeout: 120_000 }, async () => {
    const started = Date.now();
    const whole = await sandbox.run(changeArgs(0, 1));
    expect(whole.code, whole.stderr).toBe(0);
    const wholeMs = Date.now() - started;
    let current = 1;
    let rounds = 0;
    const deadline = Date.now() + TIME_BUDGET_MS;
    while (rounds < MIN_ROUNDS || Date.now() < deadline) {
      // Up to a little past a whole run: some kills land after the commit, most during the work before it.
      await runAndKill(changeArgs(current, 1 - current), Math.random() * wholeMs * 1.3);
      // A killed holder's lock would go stale on its own after 10 s; the test does not wait for that.
      await rm(lockFilePath(sandbox.home), { recursive: true, force: true });
      const working = await workingPassphrase(current);
      expect(working, `round ${rounds + 1}: neither passphrase opens the vault`).not.toBe(-1);
      current = working;
      rounds += 1;
    }
    // A whole change after the last kill also repairs an audit entry a kill cut off; then the chain verifies.
    const last = await sandbox.run(changeArgs(current, 1 - current));
    expect(last.code, last.stderr).toBe(0);
    const verified = await sandbox.run(['audit', '--verify', '--passphrase-file', files[1 - current]!]);
    expect(verified.code, verified.stderr).toBe(0);
  });
});
