// Never log key material: key files hold secrets; only fingerprints and line numbers may be shown.
import { CustodyError, parseKey } from '../custody';
import type { CliIo } from './cli-io';
import { STDIN, readSource, sourceName } from './input-source';

/** Far larger than any list of 44-character keys; anything bigger is not a key file. */
const MAX_KEY_FILE_BYTES = 1024 * 1024;

/** Keys typed or pasted at a terminal are never echoed to it. */
function readKeySource(io: CliIo, path: string): Promise<Buffer> {
  if (path !== STDIN || !io.stdinIsTerminal) return readSource(io, path, 'keys');
  return io.readTerminalHidden('Paste or type the keys, one per line; nothing is shown. End with Ctrl-D.\n');
}

/**
 * One key per line, blank lines ignored. Key values come only from a file or stdin, never from
 * argv, where other users of the machine could read them.
 */
export async function readKeyFile(io: CliIo, path: string): Promise<Buffer[]> {
  const bytes = await readKeySource(io, path);
  try {
    if (bytes.length > MAX_KEY_FILE_BYTES) {
      throw new CustodyError('INVALID_KEY', `${sourceName(path)} is too large to be a key file (one key per line).`);
    }
    const keys: Buffer[] = [];
    bytes
      .toString('utf8')
      .split(/\r?\n/)
      .forEach((line, index) => {
        if (line.trim() === '') return;
        try {
          keys.push(parseKey(line));
        } catch (error) {
          keys.forEach((key) => key.fill(0));
          const why = error instanceof CustodyError ? error.message : 'it is not a key.';
          throw new CustodyError('INVALID_KEY', `Line ${index + 1} of ${sourceName(path)}: ${why}`);
        }
      });
    if (keys.length === 0) throw new CustodyError('INVALID_KEY', `${sourceName(path)} holds no key (one key per line).`);
    return keys;
  } finally {
    bytes.fill(0);
  }
}

/** For commands that act with one key: a file with several is refused rather than guessed at. */
export async function readSingleKey(io: CliIo, path: string): Promise<Buffer> {
  const keys = await readKeyFile(io, path);
  const [key] = keys;
  if (key === undefined || keys.length !== 1) {
    keys.forEach((each) => each.fill(0));
    throw new CustodyError('INVALID_KEY', `${sourceName(path)} holds ${keys.length} keys; this command takes exactly one.`);
  }
  return key;
}
