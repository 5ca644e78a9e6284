import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Workflow Key Custody';
export const DEFAULT_KEYCHAIN_SERVICE = 'workflow-key-custody';
export const VAULT_KEY_ACCOUNT = 'vault-key';

export interface CustodyLocation {
  home: string;
  keychainService: string;
}

/**
 * The folder Electron's `app.getPath('userData')` gives for our product name, computed without
 * Electron so that the CLI and the app share one vault. CUSTODY_HOME overrides it.
 */
export function defaultUserDataPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), PRODUCT_NAME);
}

export function resolveLocation(env: NodeJS.ProcessEnv = process.env): CustodyLocation {
  return {
    home: env.CUSTODY_HOME || defaultUserDataPath(env),
    keychainService: env.CUSTODY_KEYCHAIN_SERVICE || DEFAULT_KEYCHAIN_SERVICE,
  };
}

export const vaultFilePath = (home: string): string => join(home, 'vault.json');
export const auditFilePath = (home: string): string => join(home, 'audit.jsonl');
export const lockFilePath = (home: string): string => join(home, 'vault.lock');
/** Wrong passphrases since the last unlock (unlock-throttle.ts). */
export const failedUnlocksFilePath = (home: string): string => join(home, 'unlock-failures.json');
