// Never log key material or plaintext: both pass through here.
import { isUtf8 } from 'node:buffer';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Layout, Plaintext } from '../../shared/domain';
import { LAYOUTS } from '../../shared/domain';
import { decodeBase64Loose, encodeBase64Url, isBase64Text } from './base64';
import { CustodyError } from './custody-error';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const MIN_PAYLOAD_BYTES = NONCE_BYTES + TAG_BYTES;

function malformed(why: string): CustodyError {
  return new CustodyError('MALFORMED_PAYLOAD', `This is not a secureFetch payload: ${why}.`);
}

/** Trimmed text of a capture, unwrapped when it was captured as a JSON string literal. */
function payloadText(captured: string): string {
  const text = captured.trim();
  if (!text.startsWith('"')) return text;
  let unwrapped: unknown;
  try {
    unwrapped = JSON.parse(text);
  } catch {
    throw malformed('it starts with a quote but is not a complete JSON string');
  }
  if (typeof unwrapped !== 'string') throw malformed('the JSON value is not a string');
  return unwrapped.trim();
}

const withoutWhiteSpace = (text: string) => text.replace(/\s+/g, '');

/**
 * The secureFetch payload format: standard or URL-safe base64, padded or not, with white space and
 * line breaks anywhere, or the same captured as a JSON string literal. Returns the raw bytes, which
 * are only trusted once AES-GCM authenticates them (see decodeBase64Loose).
 */
export function decodePayload(captured: string): Buffer {
  const text = payloadText(captured);
  if (text.length === 0) throw malformed('it is empty');
  // Line breaks inside a capture are common by hand but rare in bulk: stripped only when needed.
  const bytes = decodeBase64Loose(text) ?? (/\s/.test(text) ? decodeBase64Loose(withoutWhiteSpace(text)) : null);
  if (bytes === null) throw malformed('it is not base64 or base64url text');
  if (bytes.length < MIN_PAYLOAD_BYTES) {
    throw malformed(`it decodes to ${bytes.length} bytes, fewer than the ${MIN_PAYLOAD_BYTES} of a nonce and a tag`);
  }
  return bytes;
}

/** When no key opens a payload: is that because it was never base64 at all? */
export function notBase64Error(captured: string): CustodyError | null {
  return isBase64Text(withoutWhiteSpace(payloadText(captured))) ? null : malformed('it is not base64 or base64url text');
}

/** AES-256-GCM open by node:crypto; `null` when authentication fails. Unauthenticated plaintext never escapes. */
function open(bytes: Buffer, layout: Layout, key: Uint8Array): Buffer | null {
  const tagAtEnd = layout === 'nonce-ciphertext-tag';
  const tag = tagAtEnd ? bytes.subarray(bytes.length - TAG_BYTES) : bytes.subarray(NONCE_BYTES, MIN_PAYLOAD_BYTES);
  const ciphertext = tagAtEnd ? bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES) : bytes.subarray(MIN_PAYLOAD_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES));
  decipher.setAuthTag(tag);
  const head = decipher.update(ciphertext);
  try {
    const tail = decipher.final();
    return tail.length === 0 ? head : Buffer.concat([head, tail]);
  } catch {
    head.fill(0);
    return null;
  }
}

export interface PayloadMatch {
  /** Index of the key among the candidates. */
  index: number;
  layout: Layout;
  plaintext: Buffer;
}

/**
 * R10: the keys in the order given (the caller's try order), each in Kinde's layout, then each in
 * WebCrypto's. Only the right key and layout authenticate, so the answer is the one a key-by-key
 * search gives, and a Kinde payload under the first key costs one attempt.
 */
export function openPayload(bytes: Buffer, keys: readonly Uint8Array[]): PayloadMatch | null {
  for (const layout of LAYOUTS) {
    for (const [index, key] of keys.entries()) {
      const plaintext = open(bytes, layout, key);
      if (plaintext !== null) return { index, layout, plaintext };
    }
  }
  return null;
}

/** Encrypts as secureFetch does: AES-256-GCM, `nonce || tag || ciphertext`, base64url. */
export function sealPayload(plaintext: Uint8Array, key: Uint8Array): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return encodeBase64Url(Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]));
}

/**
 * Bytes as a person should see them: text when valid UTF-8, otherwise base64, never mangled. UTF-8
 * is checked before decoding, so no U+FFFD can ever stand in for a byte.
 */
export function describePlaintext(bytes: Buffer): Plaintext {
  const byteLength = bytes.length;
  if (!isUtf8(bytes)) return { utf8: false, text: null, base64: bytes.toString('base64'), byteLength };
  return { utf8: true, text: bytes.toString('utf8'), base64: null, byteLength };
}
