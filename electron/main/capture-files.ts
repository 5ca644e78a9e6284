/**
 * Reads the capture files the user picked in the open dialog. Each file is one captured
 * secureFetch payload; its name is the source the results are reported under.
 */
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { CapturedPayload } from '../../shared/domain';
import { CustodyError, openRegularFile } from '../custody';

/** The contract bounds a capture at 16 MiB; a bigger file is refused before it is read. */
export const MAX_CAPTURE_BYTES = 16 * 1024 * 1024;
/** The contract's bound on one decrypt batch. */
export const MAX_CAPTURE_FILES = 10_000;

export async function readCaptureFiles(paths: readonly string[]): Promise<CapturedPayload[]> {
  if (paths.length > MAX_CAPTURE_FILES) {
    throw new CustodyError('INVALID_INPUT', `${paths.length} files were chosen; decrypt at most ${MAX_CAPTURE_FILES} at a time.`);
  }
  const captures: CapturedPayload[] = [];
  for (const file of paths) {
    const source = path.basename(file);
    let handle: FileHandle;
    try {
      handle = await openRegularFile(file);
    } catch (error) {
      if (error instanceof CustodyError) throw error;
      throw new CustodyError('NOT_FOUND', `"${source}" could not be read. Check that it still exists and that you may read it.`);
    }
    try {
      captures.push({ source, text: await readCapture(handle, source) });
    } finally {
      await handle.close();
    }
  }
  return captures;
}

async function readCapture(handle: FileHandle, source: string): Promise<string> {
  if ((await handle.stat()).size > MAX_CAPTURE_BYTES) {
    throw new CustodyError(
      'INVALID_INPUT',
      `"${source}" is larger than 16 MiB, too big to be a captured payload. Choose the capture file itself.`,
    );
  }
  return handle.readFile('utf8');
}
