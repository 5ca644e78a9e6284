/**
 * The paths of files and folders dropped on the window, checked before anything is read. They
 * come from the preload (webUtils.getPathForFile), but a compromised page could send any path
 * (docs/security.md): main takes only an absolute path to a regular file or a folder, itself and
 * not a link to one, so a drop gives no more than the open dialog gives.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { CustodyError } from '../custody';

const THEN = 'Drop the capture files or their folder themselves, or open them with “Open files…” or “Open folder…”.';

function refused(what: string, why: string): CustodyError {
  return new CustodyError('UNSUPPORTED_INPUT', `${what} ${why}, so nothing was read. ${THEN}`);
}

async function checkOne(dropped: string): Promise<void> {
  if (!path.isAbsolute(dropped)) throw refused(dropped === '' ? 'A dropped item' : dropped, 'is not a file on this computer');
  const stats = await lstat(dropped).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EACCES' || error.code === 'EPERM') {
      throw new CustodyError('PERMISSION_DENIED', `${dropped} cannot be read: permission denied. Nothing was read. ${THEN}`);
    }
    if (error.code === 'ENOENT') throw new CustodyError('NOT_FOUND', `${dropped} is no longer there. Nothing was read.`);
    throw error;
  });
  if (stats.isSymbolicLink()) throw refused(dropped, 'is a link, which is not followed');
  if (!stats.isFile() && !stats.isDirectory()) throw refused(dropped, 'is not a regular file or a folder');
}

/** Throws for the first dropped path that is not an absolute path to a regular file or a folder. */
export async function checkDroppedPaths(paths: readonly string[]): Promise<void> {
  for (const dropped of paths) await checkOne(dropped);
}
