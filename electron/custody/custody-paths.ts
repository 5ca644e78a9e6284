import { homedir } from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Workflow Key Custody';
export const DEFAULT_KEYCHAIN_SERVICE = 'workflow-key-custody';
export const VAULT_KEY_ACCOUNT = 'vault-key';

export interface CustodyLocation {
  home: string;
  keychainService: string;
  /**
   * Windows only: the roaming folder earlier versions kept the vault in. A vault found there, when
   * `home` has none, is moved to `home` once (vault-relocation.ts).
   */
  legacyHome?: string | null;
}

const joinFor = (platform: NodeJS.Platform) => (platform === 'win32' ? path.win32.join : path.posix.join);

/**
 * The vault's folder, computed without Electron so that the CLI and the app share one vault. On
 * Windows it is in the local profile (%LOCALAPPDATA%), which does not roam to other machines.
 */
export function defaultVaultHome(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const join = joinFor(platform);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
}

/** Where Windows versions before the move kept the vault: Electron's userData, in the roaming profile. */
export function roamingVaultHome(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
}

/**
 * Chromium's own data (caches, storage), kept out of the vault folder: the platform's cache
 * folder, or the local profile on Windows; beside CUSTODY_HOME when that is set, so that each
 * vault's app keeps its own.
 */
export function browserDataPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.CUSTODY_HOME) return `${env.CUSTODY_HOME.replace(/[\\/]+$/, '')} (browser data)`;
  const join = joinFor(platform);
  const name = `${PRODUCT_NAME} (browser data)`;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', name);
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), name);
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), name);
}

/** CUSTODY_HOME overrides the vault's folder (and then nothing is ever moved into it). */
export function resolveLocation(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): CustodyLocation {
  const custom = env.CUSTODY_HOME;
  return {
    home: custom || defaultVaultHome(env, platform, home),
    keychainService: env.CUSTODY_KEYCHAIN_SERVICE || DEFAULT_KEYCHAIN_SERVICE,
    legacyHome: !custom && platform === 'win32' ? roamingVaultHome(env, home) : null,
  };
}

export const vaultFilePath = (home: string): string => path.join(home, 'vault.json');
export const auditFilePath = (home: string): string => path.join(home, 'audit.jsonl');
export const lockFilePath = (home: string): string => path.join(home, 'vault.lock');
/** Wrong passphrases since the last unlock (unlock-throttle.ts). */
export const failedUnlocksFilePath = (home: string): string => path.join(home, 'unlock-failures.json');
