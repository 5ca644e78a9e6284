// Never log key material: values handled here are secrets; only fingerprints may be shown.
import { createHash, randomBytes } from 'node:crypto';
import { CustodyError } from './custody-error';
import { decodeBase64Strict } from './base64';

export const KEY_BYTES = 32;

/** R2: the first 8 bytes of SHA-256 of the raw key, as hex. */
export function fingerprintOf(key: Uint8Array): string {
  return createHash('sha256').update(key).digest().subarray(0, 8).toString('hex');
}

/** R4: 32 bytes from the OS CSPRNG. */
export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** R5: a key as the Kinde dashboard shows it: base64 or base64url of exactly 32 bytes. */
export function parseKey(text: string): Buffer {
  const bytes = decodeBase64Strict(text.trim());
  if (bytes === null) {
    throw new CustodyError('INVALID_KEY', 'That is not a key: paste the base64 value copied from the Kinde dashboard.');
  }
  if (bytes.length !== KEY_BYTES) {
    throw new CustodyError(
      'INVALID_KEY',
      `That key is ${bytes.length} bytes long; a workflow encryption key is exactly ${KEY_BYTES} bytes (44 base64 characters).`,
    );
  }
  return bytes;
}

/** The way a key value is shown, once, to the person who created it: standard base64 as in the dashboard. */
export function formatKey(key: Uint8Array): string {
  return Buffer.from(key).toString('base64');
}
