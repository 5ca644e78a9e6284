// Never log key material or plaintext: both pass through here.
import { isAscii, isUtf8 } from 'node:buffer';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Layout, Plaintext } from '../../shared/domain';
import { LAYOUTS } from '../../shared/domain';
import { CustodyError } from './custody-error';
import { decodeBase64ByLength, encodeBase64Url, isBase64Text } from './base64';
import { gcmTagVerifies } from './gcm-tag';

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
 * DESIGN §2: accepts standard or URL-safe base64, padded or not, with white space and line breaks
 * anywhere, or the same captured as a JSON string literal. Returns the raw bytes, which are only
 * trusted once GCM authenticates them (see decodeBase64ByLength).
 */
export function decodePayload(captured: string): Buffer {
  const text = payloadText(captured);
  if (text.length === 0) throw malformed('it is empty');
  // Line breaks inside a capture are common by hand but rare in bulk; strip them only when needed.
  const bytes = decodeBase64ByLength(text) ?? (/\s/.test(text) ? decodeBase64ByLength(withoutWhiteSpace(text)) : null);
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

interface SealedParts {
  nonce: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function split(bytes: Buffer, layout: Layout): SealedParts {
  const nonce = bytes.subarray(0, NONCE_BYTES);
  if (layout === 'nonce-tag-ciphertext') {
    return {
      nonce,
      tag: bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES),
      ciphertext: bytes.subarray(NONCE_BYTES + TAG_BYTES),
    };
  }
  return {
    nonce,
    ciphertext: bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES),
    tag: bytes.subarray(bytes.length - TAG_BYTES),
  };
}

/**
 * AES-256-GCM open; `null` when authentication fails. Unauthenticated plaintext never escapes.
 * A failed tag check is the expected answer for every key tried but one, and node:crypto reports it
 * by throwing: the error's stack trace, which nobody reads, is not captured (profiled: it was most of
 * the cost of a failed attempt on a 1 KiB payload).
 */
function openParts({ nonce, tag, ciphertext }: SealedParts, key: Uint8Array): Buffer | null {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAuthTag(tag);
  const head = decipher.update(ciphertext);
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const tail = decipher.final();
    return tail.length === 0 ? head : Buffer.concat([head, tail]);
  } catch {
    return null;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** One of R10's attempts: a candidate key, in one layout. */
export interface Attempt {
  /** Index of the key among the candidates. */
  index: number;
  layout: Layout;
}

export interface PayloadMatch extends Attempt {
  plaintext: Buffer;
}

const FIRST_ATTEMPT: Attempt = { index: 0, layout: LAYOUTS[0] };

/**
 * R10: candidates in priority order. Every key is tried in Kinde's layout before any is tried in
 * WebCrypto's: only the right key and layout can authenticate, so the answer is the same as key by
 * key, and the common case (Kinde's layout) costs one GCM attempt per key instead of two.
 *
 * `likely` is the attempt expected to open the payload (the one that opened the chunk's payload
 * before: a batch's payloads mostly share a key). It is decrypted straight away; every other
 * attempt, before or after it, first has its tag checked without decrypting (gcm-tag.ts: 64 KiB in
 * ~9 µs against ~39 µs) and is decrypted only when the tag verifies. The first attempt in R10's
 * order that authenticates still wins.
 */
export function openPayload(
  bytes: Buffer,
  candidates: readonly Uint8Array[],
  likely: Attempt = FIRST_ATTEMPT,
): PayloadMatch | null {
  for (const layout of LAYOUTS) {
    const parts = split(bytes, layout);
    for (let index = 0; index < candidates.length; index++) {
      const isLikely = index === likely.index && layout === likely.layout;
      if (!isLikely && !gcmTagVerifies(candidates[index], parts.nonce, parts.ciphertext, parts.tag)) continue;
      const plaintext = openParts(parts, candidates[index]);
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
 * How plaintext bytes read as text: 0 not UTF-8, 1 UTF-8, 2 ASCII. ASCII (most JSON bodies) is
 * decoded as Latin-1, which for ASCII is the same text and the cheapest copy.
 */
export type TextKind = 0 | 1 | 2;

export function textKindOf(bytes: Uint8Array): TextKind {
  return isAscii(bytes) ? 2 : isUtf8(bytes) ? 1 : 0;
}

/**
 * Bytes as a person should see them: text when valid UTF-8, otherwise base64, never mangled. The
 * kind is checked before decoding, so no U+FFFD can ever stand in for a byte.
 */
export function plaintextOf(bytes: Buffer, kind: TextKind): Plaintext {
  const byteLength = bytes.length;
  if (kind === 0) return { utf8: false, text: null, base64: bytes.toString('base64'), byteLength };
  return { utf8: true, text: bytes.toString(kind === 2 ? 'latin1' : 'utf8'), base64: null, byteLength };
}

export function describePlaintext(bytes: Buffer): Plaintext {
  return plaintextOf(bytes, textKindOf(bytes));
}
