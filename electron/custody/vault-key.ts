// Never log key material: the vault key passes through here.
import { hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { CustodyError } from './custody-error';
import { VAULT_KEY_ACCOUNT } from './custody-paths';
import type { SecretStore } from './secret-store';

export const VAULT_KEY_BYTES = 32;

function decodeVaultKey(stored: string): Buffer {
  const key = Buffer.from(stored, 'base64');
  if (key.length !== VAULT_KEY_BYTES) {
    throw new CustodyError(
      'VAULT_KEY_MISSING',
      'The keychain item "vault-key" does not hold a vault key. Restore the keychain item that belongs to this vault.',
    );
  }
  return key;
}

/** Reads the vault key an existing vault needs. Never creates one over an existing vault. */
export async function readVaultKey(store: SecretStore, service: string): Promise<Buffer> {
  const stored = await store.get(service, VAULT_KEY_ACCOUNT);
  if (stored === null) {
    throw new CustodyError(
      'VAULT_KEY_MISSING',
      `The vault exists but its key is missing from the OS keychain (service "${service}", account "${VAULT_KEY_ACCOUNT}"). ` +
        'Restore the keychain (or its backup) on this account; without that key the vault cannot be opened.',
    );
  }
  return decodeVaultKey(stored);
}

/**
 * For a new vault: an existing keychain item is reused (a vault file may have been moved away
 * and must stay openable); otherwise 32 new random bytes are stored, then read back and compared
 * before anything is written with them.
 */
export async function provisionVaultKey(store: SecretStore, service: string): Promise<Buffer> {
  const existing = await store.get(service, VAULT_KEY_ACCOUNT);
  if (existing !== null) return decodeVaultKey(existing);
  const key = randomBytes(VAULT_KEY_BYTES);
  await store.set(service, VAULT_KEY_ACCOUNT, key.toString('base64'));
  const readBack = await store.get(service, VAULT_KEY_ACCOUNT);
  if (readBack === null || !timingSafeEqual(decodeVaultKey(readBack), key)) {
    throw new CustodyError(
      'KEYCHAIN_UNAVAILABLE',
      'The OS keychain did not keep the new vault key (it read back differently). Nothing was written; check the keychain and try again.',
    );
  }
  return key;
}

/** Sub-keys for separate jobs, so the audit chain never uses the sealing key itself. */
export function deriveKey(vaultKey: Uint8Array, purpose: 'audit-chain'): Buffer {
  return Buffer.from(hkdfSync('sha256', vaultKey, 'workflow-key-custody', purpose, 32));
}
