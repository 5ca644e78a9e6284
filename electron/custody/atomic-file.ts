import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { assertReplaceable, fileFailure, openSafely, vaultFolderFix } from './safe-file';

async function fsyncPath(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Temp file in the same folder, fsync, rename, fsync the folder. A reader sees the
 * old file or the new one, never half of either; the file is created 0600 (safe-file.ts), and a
 * symlink or special file at `path` is refused rather than replaced.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, fix = vaultFolderFix(path)): Promise<void> {
  await assertReplaceable(path, fix);
  await writeInPlace(path, data, fix, rename);
}

/**
 * Like writeFileAtomic, but never replaces anything: the temp file is linked to `path`, which fails
 * with EEXIST when the name is taken (a file, a link or anything else), and then removed.
 */
export async function writeNewFileAtomic(path: string, data: string | Uint8Array, fix: string): Promise<void> {
  await writeInPlace(path, data, fix, async (temp, target) => {
    try {
      await link(temp, target);
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  });
}

async function writeInPlace(
  path: string,
  data: string | Uint8Array,
  fix: string,
  place: (temp: string, target: string) => Promise<void>,
): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await openSafely(temp, 'create', fix);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await place(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw fileFailure(path, error, 'replace', fix);
  }
  if (process.platform !== 'win32') await fsyncPath(folder, 'r');
}

/** Appends one line and fsyncs it before returning (the audit log's durability). */
export async function appendLineDurably(path: string, line: string): Promise<void> {
  const handle = await openSafely(path, 'append', vaultFolderFix(path));
  try {
    await handle.appendFile(`${line}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Cuts a file to `length` bytes and fsyncs it (a torn audit line, removed before the next append). */
export async function truncateDurably(path: string, length: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
