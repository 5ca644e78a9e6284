// Never log what these return: they are passphrases.
import type { Command } from 'commander';
import { CustodyError } from '../custody';
import type { CliIo } from './cli-io';
import { usageOf } from './cli-usage';
import { Cancelled, UsageError } from './exit-codes';
import { STDIN, readSource, sourceName } from './input-source';

/** Far larger than any passphrase; anything bigger is the wrong file. */
const MAX_PASSPHRASE_FILE_BYTES = 64 * 1024;

/** The global --passphrase-file: the vault's passphrase (for `passphrase set`, the one to set). */
export function passphraseFileOf(command: Command): string | undefined {
  return (command.optsWithGlobals() as { passphraseFile?: string }).passphraseFile;
}

/** On a terminal a passphrase is asked for without echo, never read from argv or the environment. */
export async function askPassphrase(io: CliIo, question: string): Promise<string> {
  const answer = await io.askSecret(question);
  if (answer === null) throw new Cancelled();
  return answer;
}

/**
 * A passphrase from FILE, or from stdin for `-`: the content without one trailing line break. `-`
 * on a terminal is asked for without echo rather than read back as typed.
 */
export async function readPassphraseFile(io: CliIo, path: string, what: string): Promise<string> {
  if (path === STDIN && io.stdinIsTerminal) return askPassphrase(io, `${what}: `);
  const bytes = await readSource(io, path, what);
  try {
    if (bytes.length > MAX_PASSPHRASE_FILE_BYTES) {
      throw new CustodyError('INVALID_INPUT', `${sourceName(path)} is too large to be a passphrase file. Nothing was changed.`);
    }
    const text = bytes.toString('utf8').replace(/\r?\n$/, '');
    if (/[\r\n]/.test(text)) {
      throw new CustodyError(
        'INVALID_INPUT',
        `${sourceName(path)} holds more than one line; a passphrase file holds the passphrase alone. Nothing was changed.`,
      );
    }
    return text;
  } finally {
    bytes.fill(0);
  }
}

/** A new passphrase (`prompt`: which one), from its file or typed twice on a terminal. */
export async function newPassphrase(io: CliIo, file: string | undefined, prompt = 'New passphrase'): Promise<string> {
  if (file !== undefined) return readPassphraseFile(io, file, `the ${prompt.toLowerCase()}`);
  const first = await askPassphrase(io, `${prompt}: `);
  const again = await askPassphrase(io, `${prompt} again: `);
  if (first !== again) throw new CustodyError('INVALID_INPUT', 'The two passphrases typed differ. Nothing was changed.');
  return first;
}

/** The vault's current passphrase, from --passphrase-file or asked on a terminal. */
export function currentPassphrase(io: CliIo, file: string | undefined): Promise<string> {
  return file !== undefined ? readPassphraseFile(io, file, "the vault's passphrase") : askPassphrase(io, 'Vault passphrase: ');
}

/** Before anything is read: a passphrase must come from a file or a terminal, never be waited for in vain. */
export function assertPassphraseSource(io: CliIo, command: Command, file: string | undefined, option: string): void {
  if (file === undefined && !io.interactive) {
    throw new UsageError(
      `no passphrase: give it with ${option} FILE (or - for stdin), or run the command on a terminal to be asked. Nothing was changed.`,
      usageOf(command),
    );
  }
}

/**
 * What the core asks when a command needs a vault that has a passphrase (custody.ts `askPassphrase`):
 * the file, or the terminal; with neither, the vault stays locked and the message says what to do.
 */
export function vaultPassphraseAsker(io: CliIo, file: () => string | undefined): () => Promise<string> {
  return async () => {
    const path = file();
    if (path === undefined && !io.interactive) {
      throw new CustodyError(
        'VAULT_LOCKED',
        'The vault has a passphrase. Give it with --passphrase-file FILE (or - for stdin), or run the command on a terminal to be asked. Nothing was changed.',
      );
    }
    return currentPassphrase(io, path);
  };
}
