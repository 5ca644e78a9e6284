import { Custody, resolveLocation } from '../custody';
import type { CliIo } from './cli-io';
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK } from './exit-codes';
import { type ClosableSecretStore, createHelperSecretStore } from './helper-secret-store';
import { vaultPassphraseAsker } from './passphrase-input';

export interface CliContext {
  io: CliIo;
  /**
   * The vault of CUSTODY_HOME (or the app's folder), sealed by the real OS keychain. A vault with a
   * passphrase asks for it when first needed: from --passphrase-file, or on the terminal.
   */
  custody(): Custody;
  /** The command's --passphrase-file, known once its options are parsed. */
  usePassphraseFile(path: string | undefined): void;
  /** For commands that report their own failures item by item (decrypt) and must still exit 1. */
  markFailed(): void;
  /** Ctrl-C stopped the command cleanly: exit 130 whatever else happened. */
  markInterrupted(): void;
  readonly exitCode: number;
  /** The built decrypt-worker script, next to the CLI bundle. */
  readonly decryptWorker: string;
  /** Stops the keychain helper, if one was started. */
  close(): void;
}

export interface CliEnvironment {
  env: NodeJS.ProcessEnv;
  /** The built keychain-helper script, next to the CLI bundle. */
  keychainHelper: string;
  /** The built decrypt-worker script, next to the CLI bundle. */
  decryptWorker: string;
}

/** The keychain is touched only by commands that need the vault; key-file commands never do. */
export function createCliContext(io: CliIo, environment: CliEnvironment): CliContext {
  let secrets: ClosableSecretStore | null = null;
  let custody: Custody | null = null;
  let passphraseFile: string | undefined;
  let failed = false;
  let interrupted = false;
  return {
    io,
    custody: () => {
      secrets ??= createHelperSecretStore(environment.keychainHelper);
      custody ??= new Custody({
        location: resolveLocation(environment.env),
        secrets,
        askPassphrase: vaultPassphraseAsker(io, () => passphraseFile),
      });
      return custody;
    },
    usePassphraseFile: (path) => {
      passphraseFile = path;
    },
    markFailed: () => {
      failed = true;
    },
    markInterrupted: () => {
      interrupted = true;
    },
    get exitCode() {
      return interrupted ? EXIT_INTERRUPTED : failed ? EXIT_FAILED : EXIT_OK;
    },
    decryptWorker: environment.decryptWorker,
    close: () => secrets?.close(),
  };
}
