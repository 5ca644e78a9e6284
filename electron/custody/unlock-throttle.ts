import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';
import { CustodyError } from './custody-error';

/** Wrong passphrases allowed before each next try must wait. */
export const FREE_TRIES = 5;
const FIRST_WAIT_MS = 30_000;
/** Doubling stops here, so a person who mistyped is never shut out for days. */
const LONGEST_WAIT_MS = 60 * 60 * 1000;

const FailedUnlocksSchema = z.object({
  failures: z.number().int().nonnegative(),
  lastFailureAt: z.string(),
});
/** Wrong passphrases since the last unlock that succeeded, kept across restarts. */
export type FailedUnlocks = z.infer<typeof FailedUnlocksSchema>;

/** How long the next try must wait: 0 for the first five, then 30 s after the last failure, doubling. */
export function unlockWaitMs(record: FailedUnlocks | null, now: Date): number {
  if (!record || record.failures < FREE_TRIES) return 0;
  const wait = Math.min(FIRST_WAIT_MS * 2 ** (record.failures - FREE_TRIES), LONGEST_WAIT_MS);
  const since = now.getTime() - Date.parse(record.lastFailureAt);
  // A clock set back before the last failure waits the whole period rather than none of it.
  return Math.min(wait, Math.max(0, wait - since));
}

export function withFailure(record: FailedUnlocks | null, now: Date): FailedUnlocks {
  return { failures: (record?.failures ?? 0) + 1, lastFailureAt: now.toISOString() };
}

export function throttled(waitMs: number): CustodyError {
  const seconds = Math.ceil(waitMs / 1000);
  return new CustodyError(
    'UNLOCK_THROTTLED',
    `Too many wrong passphrases. Try again in ${seconds} s; nothing was tried or changed.`,
  );
}

/** The record beside the vault; a missing or unreadable one counts as no failures. */
export async function readFailedUnlocks(path: string): Promise<FailedUnlocks | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return FailedUnlocksSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Written atomically, so a kill mid-write never loses the count; null removes it (an unlock succeeded). */
export async function writeFailedUnlocks(path: string, record: FailedUnlocks | null): Promise<void> {
  if (record === null) await rm(path, { force: true });
  else await writeFileAtomic(path, `${JSON.stringify(record)}\n`);
}
