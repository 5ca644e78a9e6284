import { randomBytes } from 'node:crypto';
import { readFile, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';

/**
 * Who holds the vault lock, recorded beside it so that a lock left by a process that no longer
 * exists is taken over at once instead of waiting for it to age.
 */
export interface LockOwner {
  pid: number;
  host: string;
  /** Linux: the process's start time (clock ticks since boot), so a reused pid is told apart; null elsewhere. */
  start: string | null;
  /** The lock folder this record belongs to, so a record left over from an earlier lock is never taken for it. */
  lockIno: number;
  /** That folder's birth time (0 where the file system does not keep one), so a reused inode is told apart too. */
  lockBorn: number;
}

export const ownerFilePath = (lockPath: string): string => `${lockPath}.owner.json`;

/** /proc/PID/stat's 22nd field; the command name (field 2) may hold spaces, so fields are counted from its ")". */
async function processStartTime(pid: number): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * On this host only: the recorded process is not running, or its pid now belongs to a process
 * started at another time. A holder on another host (a shared folder) is never judged from here.
 */
async function ownerGone(owner: LockOwner): Promise<boolean> {
  if (owner.host !== hostname()) return false;
  if (!processRunning(owner.pid)) return true;
  if (owner.start === null) return false;
  const start = await processStartTime(owner.pid);
  return start !== null && start !== owner.start;
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    const valid =
      Number.isInteger(value.pid) &&
      (value.pid ?? 0) > 0 &&
      typeof value.host === 'string' &&
      (value.start === null || typeof value.start === 'string') &&
      Number.isInteger(value.lockIno) &&
      Number.isFinite(value.lockBorn);
    return valid ? (value as LockOwner) : null;
  } catch {
    return null;
  }
}

async function readOwner(path: string): Promise<LockOwner | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  return text === null ? null : parseOwner(text);
}

const sameOwner = (a: LockOwner, b: LockOwner): boolean =>
  a.pid === b.pid && a.host === b.host && a.start === b.start && a.lockIno === b.lockIno && a.lockBorn === b.lockBorn;

/** Just after taking the lock: this process as its holder, written whole (temp file, then rename). */
export async function recordOwner(lockPath: string): Promise<LockOwner> {
  const lock = await stat(lockPath);
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    start: await processStartTime(process.pid),
    lockIno: lock.ino,
    lockBorn: lock.birthtimeMs,
  };
  const path = ownerFilePath(lockPath);
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, JSON.stringify(owner), { mode: 0o600 });
  await rename(temp, path);
  return owner;
}

/**
 * Just after releasing the lock, and only while the record is still this holder's (the next holder
 * may already have written its own). Released first so that a holder killed in between leaves a
 * record of a gone holder with no lock, which blocks nobody, never a lock without a record, which
 * could only go stale by age.
 */
export async function forgetOwner(lockPath: string, owner: LockOwner): Promise<void> {
  const path = ownerFilePath(lockPath);
  const recorded = await readOwner(path);
  if (recorded && sameOwner(recorded, owner)) await unlink(path).catch(() => undefined);
}

/**
 * Removes the lock when its recorded holder is gone; true when it did. Several waiters may judge
 * the same dead holder at once: the record is first moved aside (an atomic rename, so one of them
 * wins), and the winner removes the lock folder only if it is still the one the record names.
 */
export async function takeOverFromGoneOwner(lockPath: string): Promise<boolean> {
  const path = ownerFilePath(lockPath);
  const owner = await readOwner(path);
  if (!owner || !(await ownerGone(owner))) return false;
  const aside = `${path}.${randomBytes(6).toString('hex')}.gone`;
  try {
    await rename(path, aside);
  } catch {
    return false;
  }
  try {
    const claimed = await readOwner(aside);
    if (!claimed || !sameOwner(claimed, owner)) {
      // A live holder's record, written since we read it: put back.
      await rename(aside, path).catch(() => undefined);
      return false;
    }
    const lock = await stat(lockPath).catch(() => null);
    if (lock?.ino === owner.lockIno && lock.birthtimeMs === owner.lockBorn) await rmdir(lockPath).catch(() => undefined);
    return true;
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}
