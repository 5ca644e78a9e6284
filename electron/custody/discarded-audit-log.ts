import { rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * A new vault never appends to an audit log left behind by an earlier one (its chain would break
 * for good): that log is renamed beside it, with the time, and kept. Returns the new path; null
 * when there was none.
 */
export async function setAsideAuditLog(auditPath: string, now: Date): Promise<string | null> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = join(dirname(auditPath), `${basename(auditPath, '.jsonl')}.discarded-${stamp}.jsonl`);
  try {
    await rename(auditPath, aside);
    return aside;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
