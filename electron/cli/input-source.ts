import { readFile } from 'node:fs/promises';
import { CustodyError } from '../custody';
import type { CliIo } from './cli-io';

/** `-` on the command line means standard input. */
export const STDIN = '-';

export function sourceName(path: string): string {
  return path === STDIN ? 'stdin' : path;
}

const WHY_UNREADABLE: Record<string, string> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder',
};

/** Names the read failure without echoing anything the file holds. */
function unreadable(path: string, error: unknown): CustodyError {
  const why = WHY_UNREADABLE[(error as NodeJS.ErrnoException).code ?? ''] ?? 'it could not be read';
  return new CustodyError('INVALID_INPUT', `Cannot read ${sourceName(path)}: ${why}.`);
}

/** The bytes of a file, or of stdin for `-` (with a hint when a person would otherwise face a silent wait). */
export async function readSource(io: CliIo, path: string, what: string): Promise<Buffer> {
  if (path === STDIN) {
    if (io.stdinIsTerminal) io.err(`Reading ${what} from the terminal; end with Ctrl-D.\n`);
    return io.readStdin();
  }
  try {
    return await readFile(path);
  } catch (error) {
    throw unreadable(path, error);
  }
}
