import { type Stats, constants } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { CustodyError } from './custody-error';

function notRegular(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function refuseUnlessRegular(path: string, stats: Stats): void {
  const kind = notRegular(stats);
  if (kind === null) return;
  throw new CustodyError(
    'UNSUPPORTED_INPUT',
    `${path} is ${kind}, not a file: captures are read from regular files only. Save the capture to a file and give that.`,
  );
}

/** On Windows there is no O_NONBLOCK, and no FIFO to open either. */
const NONBLOCK = (constants.O_NONBLOCK as number | undefined) ?? 0;

/**
 * Opens a capture file for reading, refusing anything but a regular file (a link to one is
 * fine): a FIFO would block the read for ever and a device never ends. The path is checked
 * before it is opened, and the opened file again, non-blocking, in case it was swapped between.
 */
export async function openRegularFile(path: string): Promise<FileHandle> {
  refuseUnlessRegular(path, await stat(path));
  const handle = await open(path, constants.O_RDONLY | NONBLOCK);
  try {
    refuseUnlessRegular(path, await handle.stat());
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A regular file's whole text (see openRegularFile). */
export async function readRegularFile(path: string): Promise<string> {
  const handle = await openRegularFile(path);
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
