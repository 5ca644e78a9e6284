/**
 * The one way the app and the CLI open a file they write (exports, the audit log, the vault's
 * temp file) or a file of the vault folder they read. A symlink or anything but a regular file
 * (FIFO, socket, device, folder) at the path itself is refused and left untouched; folders on the
 * way may be symlinks. Files are created 0600, and an existing one readable by others is narrowed.
 *
 * On macOS and Linux the check is lstat, then an open that cannot follow a symlink (O_NOFOLLOW)
 * or block on a FIFO (O_NONBLOCK), then fstat of the opened handle: still a regular file, the same
 * device and inode. Windows has neither flag: there the lstat refuses a symlink or junction.
 */
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { type FileHandle, chmod, lstat, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CustodyError } from './custody-error';

/**
 * `read`; `append` (created if missing); `create` (must not exist yet: a temp file);
 * `replace` (created, or emptied once it passed the checks).
 */
export type FileIntent = 'read' | 'append' | 'create' | 'replace';

const isPosix = (): boolean => process.platform !== 'win32';

function flagsFor(intent: FileIntent): number {
  const { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_APPEND } = constants;
  const base =
    intent === 'read'
      ? O_RDONLY
      : intent === 'append'
        ? O_WRONLY | O_CREAT | O_APPEND
        : intent === 'create'
          ? O_WRONLY | O_CREAT | O_EXCL
          : O_WRONLY | O_CREAT;
  return isPosix() ? base | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY : base;
}

function kindOf(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const verbOf = (intent: FileIntent): string => (intent === 'read' ? 'read' : 'written');

function unsupported(path: string, what: string, intent: FileIntent, then: string): CustodyError {
  return new CustodyError(
    'UNSUPPORTED_INPUT',
    `${path} is ${what}, not a regular file, so it was left untouched and nothing was ${verbOf(intent)}. ${then}`,
  );
}

/**
 * A failed open, rename or read said so a person can act on it: permission problems are
 * PERMISSION_DENIED, a symlink or special file met by the open itself is UNSUPPORTED_INPUT.
 * Anything else is returned unchanged for the caller to describe.
 */
export function fileFailure(path: string, error: unknown, intent: FileIntent, then: string): unknown {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return new CustodyError('PERMISSION_DENIED', `${path} cannot be ${verbOf(intent)}: permission denied. ${then}`);
    // What O_NOFOLLOW answers for a symlink (EMLINK on the BSDs).
    case 'ELOOP':
    case 'EMLINK':
      return unsupported(path, 'a symbolic link', intent, then);
    // What O_NONBLOCK answers for a FIFO nobody reads, or a device without a driver.
    case 'ENXIO':
      return unsupported(path, 'a named pipe, socket or device', intent, then);
    case 'EISDIR':
      return unsupported(path, 'a folder', intent, then);
    default:
      return error;
  }
}

async function lstatOrNull(path: string, intent: FileIntent, then: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fileFailure(path, error, intent, then);
  }
}

/** Takes group and other permissions away from a file or folder that has them. */
async function narrow(stats: Stats, change: (mode: number) => Promise<void>): Promise<void> {
  if (isPosix() && (stats.mode & 0o077) !== 0) await change(stats.mode & 0o700);
}

/**
 * How many times a file replaced between its lstat and its open is opened again: writers replace
 * the vault by a rename at any moment, so a reader can meet one replace, rarely two in a row.
 */
const REPLACED_TRIES = 5;

/**
 * Opens `path` for `intent` under the rules above; `then` says what to do when it is refused.
 * An existing file is emptied (`replace`) only after it passed every check.
 */
export async function openSafely(path: string, intent: FileIntent, then: string): Promise<FileHandle> {
  for (let tries = 1; ; tries++) {
    const handle = await openChecked(path, intent, then);
    if (handle) return handle;
    if (tries >= REPLACED_TRIES) throw unsupported(path, 'a file that was replaced while it was being opened', intent, then);
  }
}

/** One try of `openSafely`; null when the file was replaced between the lstat and the open. */
async function openChecked(path: string, intent: FileIntent, then: string): Promise<FileHandle | null> {
  const before = await lstatOrNull(path, intent, then);
  if (before && !before.isFile()) throw unsupported(path, kindOf(before), intent, then);
  let handle: FileHandle;
  try {
    handle = await open(path, flagsFor(intent), 0o600);
  } catch (error) {
    throw fileFailure(path, error, intent, then);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw unsupported(path, kindOf(opened), intent, then);
    if (before && (before.dev !== opened.dev || before.ino !== opened.ino)) {
      await handle.close();
      return null;
    }
    await narrow(opened, (mode) => handle.chmod(mode));
    if (intent === 'replace') await handle.truncate(0);
    return handle;
  } catch (error) {
    await handle.close();
    throw fileFailure(path, error, intent, then);
  }
}

/** Refuses a symlink or special file at `path` before it is replaced by a rename. */
export async function assertReplaceable(path: string, then: string): Promise<void> {
  const existing = await lstatOrNull(path, 'replace', then);
  if (existing && !existing.isFile()) throw unsupported(path, kindOf(existing), 'replace', then);
}

/** What to do when a file of the vault folder is refused: the folder must be the user's own. */
export function vaultFolderFix(path: string): string {
  return `Make sure ${dirname(path)} and the files in it belong to you and are regular files (not links), then try again.`;
}

/**
 * The text of a file of the vault folder (the vault, the audit log), `null` when it does not
 * exist. On the way the file is narrowed to its owner, and so is its folder.
 */
export async function readPrivateFile(path: string): Promise<string | null> {
  const handle = await openPrivateFileIfPresent(path);
  if (!handle) return null;
  try {
    await narrowFolder(dirname(path));
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** A file of the vault folder opened for reading under the rules above; null when it does not exist. */
export async function openPrivateFileIfPresent(path: string): Promise<FileHandle | null> {
  try {
    return await openSafely(path, 'read', vaultFolderFix(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Narrows the vault folder to its owner (0700) when others may list or enter it. */
export async function narrowFolder(folder: string): Promise<void> {
  try {
    await narrow(await stat(folder), (mode) => chmod(folder, mode));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw fileFailure(folder, error, 'replace', `Make sure ${folder} belongs to you, then try again.`);
  }
}
