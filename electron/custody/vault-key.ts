// Never log key material: the keychain secret passes through here.
import { hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { CustodyError } from './custody-error';
import { VAULT_KEY_ACCOUNT } from './custody-paths';
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
 * Reads the keychain secret an existing vault needs (in a vault of the first format, the vault key
 * itself). Never creates one over an existing vault.
 */
export async function readKeychainSecret(store: SecretStore, service: string): Promise<Buffer> {
  const stored = await store.get(service, VAULT_KEY_ACCOUNT);
  if (stored === null) {
    throw new CustodyError(
      'VAULT_KEY_MISSING',
      `The vault exists but its key was not found in the OS keychain (service "${service}", account "${VAULT_KEY_ACCOUNT}"). ` +
        'Either the keychain is locked without saying so — unlock it and try again — or the key is missing: restore the ' +
        'keychain (or its backup) on this account; without that key the vault cannot be opened.',
    );
  }
  return decodeSecret(stored);
}

/**
 * For a new vault: an existing keychain item is reused (a vault file may have been moved away
 * and must stay openable); otherwise 32 new random bytes are stored, then read back and compared
 * before anything is written with them.
 */
export async function provisionKeychainSecret(store: SecretStore, service: string): Promise<Buffer> {
  const existing = await store.get(service, VAULT_KEY_ACCOUNT);
  if (existing !== null) return decodeSecret(existing);
  const secret = randomBytes(KEYCHAIN_SECRET_BYTES);
  await store.set(service, VAULT_KEY_ACCOUNT, secret.toString('base64'));
  const readBack = await store.get(service, VAULT_KEY_ACCOUNT);
  if (readBack === null || !timingSafeEqual(decodeSecret(readBack), secret)) {
    throw new CustodyError(
      'KEYCHAIN_UNAVAILABLE',
      'The OS keychain did not keep the new vault key (it read back differently). Nothing was written; check the keychain and try again.',
    );
  }
  return secret;
}

/**
 * The audit key of a vault of the first format, derived from its vault key. A migrated vault keeps
 * it (wrapped in the envelope), so the chain written before the migration still verifies.
 */
export function legacyAuditKey(vaultKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', vaultKey, 'workflow-key-custody', 'audit-chain', 32));
}
