import { spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VAULT_KEY_ACCOUNT, lockFilePath } from '../../electron/custody';
import { type CliRun, type CliSandbox, REPO_ROOT, createCliSandbox } from '../support/cli-sandbox';
import { hasGnomeKeyring, startLockedKeyring } from '../support/locked-keyring';
import { type FakeBus, startBareBus, startSilentBus } from '../support/no-secret-service';

/**
 * Each vault failure produced by the real situation, through the CLI, with the exact
 * code, exit status 1, a message saying what to do, and not one byte written.
 */
let sandbox: CliSandbox;
const WF = 'onUserTokenGeneration';
const WRITES: readonly (readonly string[])[] = [
  ['workflows', 'add', 'another'],
  ['keys', 'add', WF],
  ['workflows', 'rename', WF, 'Renamed'],
];

beforeEach(async () => {
  sandbox = await createCliSandbox();
  await sandbox.runAll([['init'], ['workflows', 'add', WF], ['keys', 'add', WF]]);
});
afterEach(() => sandbox.cleanup());

function expectFailure(run: CliRun, code: string): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain(`error ${code}:`);
  expect(run.stdout).toBe('');
}

async function expectEveryCommandFails(code: string, env?: NodeJS.ProcessEnv): Promise<CliRun[]> {
  const before = await sandbox.snapshot();
  const runs: CliRun[] = [];
  for (const args of [['workflows', 'list'], ['keys', 'list', WF], ['audit', '--verify'], ...WRITES]) {
    const run = await sandbox.run(args, { env });
    expectFailure(run, code);
    runs.push(run);
  }
  expect(await sandbox.snapshot()).toEqual(before);
  return runs;
}

describe('VAULT_KEY_MISSING: the keychain item was deleted', () => {
  it('refuses every command, never creates a fresh key over the existing vault, and writes nothing', async () => {
    expect(await sandbox.keychain.delete(sandbox.service, VAULT_KEY_ACCOUNT)).toBe(true);
    const [first] = await expectEveryCommandFails('VAULT_KEY_MISSING');
    expect(first?.stderr).toContain(sandbox.service);
    const before = await sandbox.snapshot();
    expectFailure(await sandbox.run(['init']), 'ALREADY_EXISTS');
    expect(await sandbox.snapshot()).toEqual(before);
    expect(await sandbox.keychain.get(sandbox.service, VAULT_KEY_ACCOUNT)).toBeNull();
  });
});

describe('KEYCHAIN_UNAVAILABLE: no Secret Service', () => {
  let bus: FakeBus | null = null;
  afterEach(async () => {
    await bus?.stop();
    bus = null;
  });

  it('on a session bus where no Secret Service runs: fails fast, says what to do, writes nothing', async () => {
    bus = await startBareBus();
    const runs = await expectEveryCommandFails('KEYCHAIN_UNAVAILABLE', { DBUS_SESSION_BUS_ADDRESS: bus.address });
    expect(runs[0]?.stderr).toMatch(/Secret Service/);
    for (const run of runs) expect(run.ms).toBeLessThan(5_000);
  });

  it('with no session bus to reach at all', async () => {
    await expectEveryCommandFails('KEYCHAIN_UNAVAILABLE', {
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/custody-test-bus',
    });
  });

  it('when the keychain call hangs: gives up after CUSTODY_KEYCHAIN_TIMEOUT_MS and the process exits', async () => {
    bus = await startSilentBus();
    const before = await sandbox.snapshot();
    const run = await sandbox.run(['workflows', 'add', 'another'], {
      env: { DBUS_SESSION_BUS_ADDRESS: bus.address, CUSTODY_KEYCHAIN_TIMEOUT_MS: '1000' },
    });
    expectFailure(run, 'KEYCHAIN_UNAVAILABLE');
    expect(run.stderr).toContain('no answer within');
    expect(run.ms).toBeLessThan(10_000);
    expect(await sandbox.snapshot()).toEqual(before);
  });

  it('init without a Secret Service creates no vault', async () => {
    bus = await startBareBus();
    const fresh = await createCliSandbox();
    try {
      expectFailure(await fresh.run(['init'], { env: { DBUS_SESSION_BUS_ADDRESS: bus.address } }), 'KEYCHAIN_UNAVAILABLE');
      expect(await fresh.snapshot()).toEqual({ vault: null, audit: null });
      expect(await fresh.keychain.get(fresh.service, VAULT_KEY_ACCOUNT)).toBeNull();
    } finally {
      await fresh.cleanup();
    }
  });
});

describe('KEYCHAIN_LOCKED: the keyring holding the vault key is locked', () => {
  let bus: FakeBus | null = null;
  afterEach(async () => {
    await bus?.stop();
    bus = null;
  });

  it.skipIf(!hasGnomeKeyring)(
    `says it is locked and how to unlock it, never that the key is missing, and writes nothing${hasGnomeKeyring ? '' : ' (skipped: gnome-keyring-daemon, dbus-daemon or dbus-send is missing)'}`,
    async () => {
      const locked = await createCliSandbox();
      const fresh = await createCliSandbox();
      try {
        bus = await startLockedKeyring(async (env) => {
          for (const args of [['init'], ['workflows', 'add', WF]]) {
            const run = await locked.run(args, { env });
            expect(run.code, run.stderr).toBe(0);
          }
        });
        const env = { DBUS_SESSION_BUS_ADDRESS: bus.address };
        const before = await locked.snapshot();
        for (const args of [
          ['workflows', 'list'],
          ['audit', '--verify'],
          ['workflows', 'add', 'another'],
        ]) {
          const run = await locked.run(args, { env });
          expectFailure(run, 'KEYCHAIN_LOCKED');
          expect(run.stderr).toContain('is locked');
          expect(run.stderr).toMatch(/Unlock it/);
        }
        expect(await locked.snapshot()).toEqual(before);
        // A new vault cannot be created behind a locked keyring either.
        expectFailure(await fresh.run(['init'], { env }), 'KEYCHAIN_LOCKED');
        expect(await fresh.snapshot()).toEqual({ vault: null, audit: null });
      } finally {
        await locked.cleanup();
        await fresh.cleanup();
      }
    },
  );
});

describe('VAULT_CORRUPT: a flipped byte in vault.json', () => {
  it('refuses every command and leaves the damaged file as it is, for recovery', async () => {
    const bytes = await readFile(sandbox.vaultPath);
    const at = bytes.indexOf('"sealed": "') + 20;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    await writeFile(sandbox.vaultPath, bytes);
    const [first] = await expectEveryCommandFails('VAULT_CORRUPT');
    expect(first?.stderr).toContain('backup');
  });
});

describe('VAULT_BUSY: another writer holds the lock', () => {
  it('a writer that cannot get the lock in CUSTODY_LOCK_WAIT_MS fails and writes nothing; readers still read', async () => {
    const release = await lockfile.lock(sandbox.home, { lockfilePath: lockFilePath(sandbox.home), realpath: false });
    try {
      const before = await sandbox.snapshot();
      for (const args of WRITES) {
        const run = await sandbox.run(args, { env: { CUSTODY_LOCK_WAIT_MS: '300' } });
        expectFailure(run, 'VAULT_BUSY');
        expect(run.stderr).toMatch(/waited 0\.[3-9] s/);
        expect(run.ms).toBeLessThan(5_000);
      }
      expect(await sandbox.snapshot()).toEqual(before);
      const read = await sandbox.run(['workflows', 'list', '--json']);
      expect(read.code, read.stderr).toBe(0);
    } finally {
      await release();
    }
    expect((await sandbox.run(['workflows', 'add', 'another'])).code).toBe(0);
  });
});

describe('two CLIs writing at the same time', () => {
  it('lose no update: every workflow added by either is in the vault, and the audit chain verifies', async () => {
    const chain = async (prefix: string) => {
      for (let i = 0; i < 6; i++) {
        const run = await sandbox.run(['workflows', 'add', `${prefix}-${i}`]);
        expect(run.code, run.stderr).toBe(0);
      }
    };
    await Promise.all([chain('a'), chain('b'), chain('c')]);
    const list = JSON.parse((await sandbox.run(['workflows', 'list', '--json'])).stdout) as { id: string }[];
    expect(list.map((w) => w.id).sort()).toEqual(
      [WF, ...['a', 'b', 'c'].flatMap((p) => [0, 1, 2, 3, 4, 5].map((i) => `${p}-${i}`))].sort(),
    );
    const verify = await sandbox.run(['audit', '--verify', '--json']);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, entries: 3 + 18 });
    await expect(readFile(join(sandbox.home, 'vault.lock'))).rejects.toMatchObject({
      code: expect.stringMatching(/ENOENT|EISDIR/),
    });
  });
});

describe('a writer killed with kill -9 while it holds the lock', () => {
  /** Starts `custody workflows add ID` and kills it the moment it has recorded itself as the lock's holder. */
  async function killWhileHolding(id: string): Promise<void> {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'custody.js'), 'workflows', 'add', id], {
      env: sandbox.env,
      stdio: 'ignore',
    });
    const exited = new Promise((done) => child.on('exit', done));
    const watcher = watch(sandbox.home, (_type, name) => {
      if (name === 'vault.lock.owner.json') child.kill('SIGKILL');
    });
    await exited;
    watcher.close();
  }

  it('leaves a lock the next write takes over at once; the vault opens and the audit log verifies', async () => {
    const baseline = await sandbox.run(['workflows', 'add', 'baseline']);
    let attempts = 0;
    while (!existsSync(lockFilePath(sandbox.home)) && attempts < 20) await killWhileHolding(`killed-${attempts++}`);
    expect(existsSync(lockFilePath(sandbox.home)), 'no kill landed while the lock was held').toBe(true);

    const next = await sandbox.run(['workflows', 'add', 'after']);
    expect(next.code, next.stderr).toBe(0);
    // Without the takeover the lock is stale only after 10 s.
    expect(next.ms).toBeLessThan(baseline.ms + 1_000);
    const verify = await sandbox.run(['audit', '--verify', '--json']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
    const ids = (JSON.parse((await sandbox.run(['workflows', 'list', '--json'])).stdout) as { id: string }[]).map((w) => w.id);
    expect(ids).toEqual(expect.arrayContaining([WF, 'baseline', 'after']));
  });
});
