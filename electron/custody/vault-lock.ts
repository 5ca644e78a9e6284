import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { CustodyError } from './custody-error';
import { type LockOwner, forgetOwner, recordOwner, takeOverFromGoneOwner } from './lock-owner';
import { fileFailure, vaultFolderFix } from './safe-file';

const DEFAULT_LOCK_WAIT_MS = 5_000;
/** A holder refreshes the lock this often; one not refreshed for STALE_MS is taken over by age. */
const UPDATE_MS = 2_500;
const STALE_MS = 10_000;
const RETRY_MS = 50;

function busy(waitedMs: number): CustodyError {
  return new CustodyError(
    'VAULT_BUSY',
    `Another Workflow Key Custody window or command is changing the vault; waited ${(waitedMs / 1000).toFixed(1)} s for it to finish. Nothing was changed; try again in a moment.`,
  );
}

/**
 * One writer at a time, across the app and any number of CLIs, through an OS lock
 * (proper-lockfile: an atomic mkdir with a heartbeat, so a crashed holder's lock goes stale by
 * age). The holder is recorded beside the lock, so a lock whose holder no longer runs on this
 * host is taken over at once (lock-owner.ts).
 */
export async function withVaultLock<T>(
  home: string,
  lockPath: string,
  work: () => Promise<T>,
  waitMs = Number(process.env.CUSTODY_LOCK_WAIT_MS) || DEFAULT_LOCK_WAIT_MS,
): Promise<T> {
  const started = Date.now();
  let release: (() => Promise<void>) | null = null;
  while (!release) {
    try {
      release = await lockfile.lock(home, { lockfilePath: lockPath, stale: STALE_MS, update: UPDATE_MS, realpath: false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED')
        throw fileFailure(lockPath, error, 'create', vaultFolderFix(lockPath));
      if (await takeOverFromGoneOwner(lockPath)) continue;
      const waited = Date.now() - started;
      if (waited >= waitMs) throw busy(waited);
      await sleep(Math.min(RETRY_MS, waitMs - waited));
    }
  }
  let owner: LockOwner | null = null;
  try {
    // Without the record the lock still works; it only goes stale by age instead of at once.
    owner = await recordOwner(lockPath).catch(() => null);
    return await work();
  } finally {
    await release().catch(() => undefined);
    if (owner) await forgetOwner(lockPath, owner);
  }
}
