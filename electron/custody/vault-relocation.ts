import { copyFile, lstat, mkdir, rename, unlink } from 'node:fs/promises';
import { auditFilePath, vaultFilePath } from './custody-paths';

async function isPresent(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** A rename, or a copy then delete when the two folders are on different volumes (a redirected profile). */
async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to);
    await unlink(from);
  }
}

/**
 * Moves the vault and its audit log from `from` to `to` when `from` holds a vault and `to` holds
 * none; `true` when it did. The audit log goes first: a crash between the two moves leaves the
 * vault where it was, and the next start finishes the move.
 */
export async function relocateVault(from: string, to: string): Promise<boolean> {
  if (!(await isPresent(vaultFilePath(from))) || (await isPresent(vaultFilePath(to)))) return false;
  await mkdir(to, { recursive: true });
  if (await isPresent(auditFilePath(from))) await move(auditFilePath(from), auditFilePath(to));
  await move(vaultFilePath(from), vaultFilePath(to));
  return true;
}
