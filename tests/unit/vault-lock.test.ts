import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ownerFilePath } from '../../electron/custody/lock-owner';
import { withVaultLock } from '../../electron/custody/vault-lock';

/**
 * A lock left behind: a lock folder with a holder record, as a writer killed with kill -9 leaves
 * it (the real kill is in tests/integration/cli-vault-failures.test.ts). Taken over at once only
 * when the holder is certainly gone.
 */
let home: string;
let lockPath: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'custody-lock-'));
  lockPath = join(home, 'vault.lock');
});
afterEach(() => rm(home, { recursive: true, force: true }));

/** The pid of a process that has just exited. */
function exitedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

interface LeftOwner {
  pid: number;
  host?: string;
  start?: string | null;
  lockIno?: number;
  lockBorn?: number;
}

async function writeOwner(owner: LeftOwner, lock: { ino: number; birthtimeMs: number }): Promise<void> {
  const record = { host: hostname(), start: null, lockIno: lock.ino, lockBorn: lock.birthtimeMs, ...owner };
  await writeFile(ownerFilePath(lockPath), JSON.stringify(record));
}

async function leftLock(owner: LeftOwner | null): Promise<void> {
  await mkdir(lockPath);
  if (owner) await writeOwner(owner, await stat(lockPath));
}

async function timedWrite(waitMs: number): Promise<number> {
  const started = Date.now();
  await withVaultLock(home, lockPath, async () => undefined, waitMs);
  return Date.now() - started;
}

describe('a lock whose holder is gone is taken over at once', () => {
  it('the holder process no longer runs on this host', async () => {
    await leftLock({ pid: exitedPid() });
    expect(await timedWrite(5_000)).toBeLessThan(1_000);
  });

  const linux = process.platform === 'linux';
  if (!linux) console.log('skipped: a reused pid told apart by its start time (only Linux has /proc/PID/stat)');
  it.skipIf(!linux)('the pid now belongs to another process, started at another time (Linux: /proc start time)', async () => {
    await leftLock({ pid: process.pid, start: '1' });
    expect(await timedWrite(5_000)).toBeLessThan(1_000);
  });

  it('a holder killed after releasing, before forgetting its record: nothing blocks, the record is replaced and removed', async () => {
    await writeOwner({ pid: exitedPid() }, { ino: 1, birthtimeMs: 0 });
    expect(await timedWrite(5_000)).toBeLessThan(1_000);
    await expect(stat(ownerFilePath(lockPath))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('after the takeover the lock is released as usual, holder record and all', async () => {
    await leftLock({ pid: exitedPid() });
    await timedWrite(5_000);
    await expect(stat(lockPath)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(ownerFilePath(lockPath))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('a lock that may still be held is waited for, then VAULT_BUSY says how long', () => {
  async function expectBusy(): Promise<void> {
    const started = Date.now();
    const error = await withVaultLock(home, lockPath, async () => undefined, 300).catch((e: unknown) => e);
    const waited = Date.now() - started;
    expect(error).toMatchObject({ code: 'VAULT_BUSY' });
    const said = Number(/waited (\d+\.\d) s/.exec((error as Error).message)?.[1]) * 1000;
    expect(said).toBeGreaterThanOrEqual(300 - 50);
    expect(said).toBeLessThanOrEqual(waited + 50);
  }

  it('its holder runs (this very process)', async () => {
    await leftLock({ pid: process.pid, start: null });
    await expectBusy();
  });

  it('its holder is on another host: judged by age only', async () => {
    await leftLock({ pid: exitedPid(), host: `not-${hostname()}` });
    await expectBusy();
  });

  it('no holder record (a holder killed before writing it): judged by age only', async () => {
    await leftLock(null);
    await expectBusy();
  });

  it('a record left from an earlier lock folder is not taken for this one', async () => {
    await leftLock({ pid: exitedPid(), lockIno: 1 });
    await expectBusy();
  });

  it('nor is one naming this folder’s inode with another birth time (an inode reused by a new lock)', async () => {
    await mkdir(lockPath);
    const lock = await stat(lockPath);
    await writeOwner({ pid: exitedPid() }, { ino: lock.ino, birthtimeMs: lock.birthtimeMs - 1_000 });
    await expectBusy();
  });
});
