import { rm } from 'node:fs/promises';
import { CustodyError } from './custody-error';
import { fileFailure, openSafely } from './safe-file';
import { textSink } from './text-sink';

/**
 * A file written a piece at a time, readable by this user only: created 0600, or an existing
 * regular file narrowed to its owner before anything (results, perhaps plaintext) is written into
 * it; never through a symlink or into a FIFO or device (safe-file.ts).
 */
export interface PrivateFileSink {
  write(text: string | Uint8Array): Promise<void>;
  /**
   * Ends the file. When a write failed, the file is removed, since a part of it would read as the
   * whole, and the failure is thrown as `cannotWrite`.
   */
  finish(): Promise<void>;
  /** Ends the file and removes it (a batch that failed or was abandoned). */
  discard(): Promise<void>;
}

/**
 * Opens `path` for `PrivateFileSink`, with backpressure (`textSink`); a path that cannot be opened
 * throws `cannotWrite` with `then`. `onFailure` hears of a failed write at once, before `finish`.
 */
export async function privateFileSink(
  path: string,
  then: string,
  onFailure: (error: Error) => void = () => undefined,
): Promise<PrivateFileSink> {
  const handle = await openSafely(path, 'replace', then).catch((error: unknown) => {
    throw cannotWrite(path, error, then);
  });
  const sink = textSink(handle.createWriteStream(), { close: true, onFailure });
  const discard = async () => {
    await sink.finish();
    await rm(path, { force: true });
  };
  return {
    write: (text) => sink.write(text),
    async finish() {
      await sink.finish();
      if (!sink.failure) return;
      await rm(path, { force: true });
      throw cannotWrite(path, sink.failure, then);
    },
    discard,
  };
}

/** What the app says to do when a file chosen in a save dialog cannot be written. */
export const CHOOSE_ANOTHER_FILE = 'Choose another file or folder.';

/** A file that could not be written, said so a person can act on it; `then` says what to do. */
export function cannotWrite(path: string, error: unknown, then: string): CustodyError {
  const described = fileFailure(path, error, 'replace', then);
  if (described instanceof CustodyError) return described;
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'its folder does not exist' : code === 'ENOSPC' ? 'the disk is full' : 'it could not be written';
  return new CustodyError('INVALID_INPUT', `Cannot write ${path}: ${why}. ${then}`);
}
