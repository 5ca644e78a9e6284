import { CustodyError } from './custody-error';
import { howToUnlock, isLockedKeychainMessage, secretServiceLocked } from './keychain-lock-state';
import type { SecretStore } from './secret-store';

type Keytar = {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
};

const DEFAULT_TIMEOUT_MS = 15_000;

function whatToDo(): string {
  if (process.platform === 'linux') {
    return 'Start a Secret Service (GNOME Keyring, KWallet or KeePassXC with Secret Service enabled), unlock it, and try again.';
  }
  if (process.platform === 'darwin')
    return 'Unlock the login keychain in Keychain Access and allow access when asked, then try again.';
  return 'Make sure Windows Credential Manager is available for your account, then try again.';
}

function unavailable(detail: string): CustodyError {
  return new CustodyError('KEYCHAIN_UNAVAILABLE', `The OS keychain could not be used (${detail}). ${whatToDo()}`);
}

function keychainLocked(): CustodyError {
  return new CustodyError(
    'KEYCHAIN_LOCKED',
    `The OS keychain that holds the vault key is locked, so the key cannot be read. ${howToUnlock()}`,
  );
}

/** Keychain errors quote no secret, but are kept to their first line so nothing odd is echoed. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const [firstLine = ''] = message.split('\n');
  return firstLine.slice(0, 200);
}

/**
 * The real keychain, through keytar. Every call is bounded by a time-out, since a Secret Service
 * that waits on an unlock prompt nobody answers would otherwise hang the app or the CLI.
 */
export function createKeytarSecretStore(
  timeoutMs = Number(process.env.CUSTODY_KEYCHAIN_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS,
): SecretStore {
  let keytar: Keytar | null = null;
  const load = async (): Promise<Keytar> => {
    if (keytar) return keytar;
    try {
      const loaded = (await import('keytar')) as Keytar & { default?: Keytar };
      keytar = loaded.default ?? loaded;
      return keytar;
    } catch (error) {
      throw unavailable(`keytar could not be loaded: ${describe(error)}`);
    }
  };

  async function call<T>(operation: (k: Keytar) => Promise<T>): Promise<T> {
    const k = await load();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unavailable(`no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      timer.unref();
    });
    try {
      return await Promise.race([operation(k), timeout]);
    } catch (error) {
      // A failure or a wait on a prompt nobody answers is often a locked keychain: said so where the platform tells.
      if (isLockedKeychainMessage(describe(error)) || (await secretServiceLocked())) throw keychainLocked();
      if (error instanceof CustodyError) throw error;
      throw unavailable(describe(error));
    } finally {
      clearTimeout(timer);
    }
  }

  /** A lookup in a locked Secret Service collection answers "no such item": told apart where it can be. */
  async function get(service: string, account: string): Promise<string | null> {
    const value = await call((k) => k.getPassword(service, account));
    if (value === null && (await secretServiceLocked())) throw keychainLocked();
    return value;
  }

  return {
    get,
    set: (service, account, value) => call((k) => k.setPassword(service, account, value)),
    delete: (service, account) => call((k) => k.deletePassword(service, account)),
  };
}
