import lockfile from 'proper-lockfile';
import { CustodyError } from './custody-error';
import { fileFailure, vaultFolderFix } from './safe-file';

const DEFAULT_LOCK_WAIT_MS = 5_000;

/**
 * One writer at a time, across the app and any number of CLIs, through an OS lock
 * (proper-lockfile: an atomic mkdir with a heartbeat, so a crashed holder's lock goes stale).
 */
export async function withVaultLock<T>(
  home: string,
  lockPath: string,
  work: () => Promise<T>,
  waitMs = Number(process.env.CUSTODY_LOCK_WAIT_MS) || DEFAULT_LOCK_WAIT_MS,
): Promise<T> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(home, {
      lockfilePath: lockPath,
      stale: 10_000,
      update: 2_500,
      retries: { retries: Math.max(1, Math.ceil(waitMs / 100)), minTimeout: 50, maxTimeout: 100, factor: 1 },
      realpath: false,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new CustodyError(
        'VAULT_BUSY',
        `Another Workflow Key Custody window or command is changing the vault and did not finish within ${Math.round(waitMs / 1000)} s. Nothing was changed; try again in a moment.`,
      );
    }
    throw fileFailure(lockPath, error, 'create', vaultFolderFix(lockPath));
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
