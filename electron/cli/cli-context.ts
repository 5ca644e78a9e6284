import { Custody } from '../custody/custody';
import { resolveLocation } from '../custody/custody-paths';
import type { CliIo } from './cli-io';
import { EXIT_FAILED, EXIT_OK } from './exit-codes';
import { type ClosableSecretStore, createHelperSecretStore } from './helper-secret-store';

export interface CliContext {
  io: CliIo;
  /** The vault of CUSTODY_HOME (or the app's folder), sealed by the real OS keychain. */
  custody(): Custody;
  /** For commands that report their own failures item by item (decrypt) and must still exit 1. */
  markFailed(): void;
  readonly exitCode: number;
  /** Stops the keychain helper, if one was started. */
  close(): void;
}

export interface CliEnvironment {
  env: NodeJS.ProcessEnv;
  /** The built keychain-helper script, next to the CLI bundle. */
  keychainHelper: string;
}

/** The keychain is touched only by commands that need the vault; key-file commands never do. */
export function createCliContext(io: CliIo, environment: CliEnvironment): CliContext {
  let secrets: ClosableSecretStore | null = null;
  let custody: Custody | null = null;
  let exitCode = EXIT_OK;
  return {
    io,
    custody: () => {
      secrets ??= createHelperSecretStore(environment.keychainHelper);
      custody ??= new Custody({ location: resolveLocation(environment.env), secrets });
      return custody;
    },
    markFailed: () => {
      exitCode = EXIT_FAILED;
    },
    get exitCode() {
      return exitCode;
    },
    close: () => secrets?.close(),
  };
}
