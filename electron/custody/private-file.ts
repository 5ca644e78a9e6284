import type { FileHandle } from 'node:fs/promises';
import { open, rm } from 'node:fs/promises';
import { CustodyError } from './custody-error';

/**
 * Opens `path` for writing, created or truncated, readable by this user only. `open`'s mode only
 * applies to a file it creates: one that existed keeps its mode, so it is tightened before anything
 * (results, perhaps plaintext) is written into it.
 */
export async function openPrivateFile(path: string): Promise<FileHandle> {
  const handle = await open(path, 'w', 0o600);
  try {
    await handle.chmod(0o600);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/**
 * `text` as the whole of `path`, readable by this user only (see openPrivateFile). A file that
 * could only be written in part is removed: it would read as the whole.
 */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  const handle = await openPrivateFile(path);
  try {
    await handle.writeFile(text);
  } catch (error) {
    await handle.close();
    await rm(path, { force: true });
    throw error;
  }
  await handle.close();
}

/** What the app says to do when a file chosen in a save dialog cannot be written. */
export const CHOOSE_ANOTHER_FILE = 'Choose another file or folder.';

/** A file that could not be written, said so a person can act on it; `then` says what to do. */
export function cannotWrite(path: string, error: unknown, then: string): CustodyError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'its folder does not exist'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : 'it could not be written';
  return new CustodyError('INVALID_INPUT', `Cannot write ${path}: ${why}. ${then}`);
}
