// Never log key material: the keychain secret passes through here.
import { hkdfSync, randomBytes } from 'node:crypto';
import { CustodyError } from './custody-error';
import { VAULT_KEY_ACCOUNT } from './custody-paths';
import { type KeychainItem, loadItem, saveItem } from './keychain-item';
import type { SecretStore } from './secret-store';

export const KEYCHAIN_SECRET_BYTES = 32;

function decodeSecret(stored: string): Buffer {
  const secret = Buffer.from(stored, 'base64');
  if (secret.length !== KEYCHAIN_SECRET_BYTES) {
    throw new CustodyError(
      'VAULT_KEY_MISSING',
      'The keychain item "vault-key" does not hold a vault key. Restore the keychain item that belongs to this vault.',
    );
  }
  return secret;
}

/**
 * The first format (the bare secret) is rewritten once into the current one, which also records
 * vault generations (R17), then read back and compared; the secret itself does not change.
 */
async function migratedItem(store: SecretStore, service: string, item: KeychainItem): Promise<KeychainItem> {
  if (!item.legacy) return item;
  // An item holding something else is refused, never rewritten.
  decodeSecret(item.secret).fill(0);
  await saveItem(store, service, item, true);
  return { ...item, legacy: false };
}

/**
 * Reads the keychain secret an existing vault needs (in a vault of the first format, the vault key
 * itself). Never creates one over an existing vault, and never rewrites the item: an item of the
 * first format is migrated when the vault it opens records its generation, so a secret that turns
 * out not to open the vault is left exactly as it was found.
 */
export async function readKeychainSecret(store: SecretStore, service: string): Promise<Buffer> {
  const item = await loadItem(store, service);
  if (item === null) {
    throw new CustodyError(
      'VAULT_KEY_MISSING',
      `The vault exists but its key was not found in the OS keychain (service "${service}", account "${VAULT_KEY_ACCOUNT}"). ` +
        'Either the keychain is locked without saying so — unlock it and try again — or the key is missing: restore the ' +
        'keychain (or its backup) on this account; without that key the vault cannot be opened.',
    );
  }
  return decodeSecret(item.secret);
}

/**
 * For a new vault: an existing keychain item is reused (a vault file may have been moved away
 * and must stay openable, and other vaults on this service use it) unless `replace`; otherwise 32
 * new random bytes are stored, then read back and compared before anything is written with them.
 */
export async function provisionKeychainSecret(store: SecretStore, service: string, replace = false): Promise<Buffer> {
  const existing = await loadItem(store, service);
  if (existing !== null && !replace) return decodeSecret((await migratedItem(store, service, existing)).secret);
  const secret = randomBytes(KEYCHAIN_SECRET_BYTES);
  await saveItem(store, service, { secret: secret.toString('base64'), vaults: {} }, true);
  return secret;
}

/**
 * The audit key of a vault of the first format, derived from its vault key. A migrated vault keeps
 * it (wrapped in the envelope), so the chain written before the migration still verifies.
 */
export function legacyAuditKey(vaultKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', vaultKey, 'workflow-key-custody', 'audit-chain', 32));
}
