const BASE64_ANY_ALPHABET = /^[A-Za-z0-9+/_-]*={0,2}$/;

function unpaddedLength(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  return end;
}

function paddingFits(text: string, unpadded: number): boolean {
  if (unpadded % 4 === 1 || text.length - unpadded > 2) return false;
  return text.length === unpadded || text.length % 4 === 0;
}

/**
 * Both of Node's decoders read both alphabets, but only the matching one stays on its fast path:
 * URL-safe text through 'base64' is ten times slower.
 */
function alphabetOf(text: string): 'base64' | 'base64url' {
  return text.includes('-') || text.includes('_') ? 'base64url' : 'base64';
}

/** Strict decode of base64 or base64url, padded or not; `null` means "not base64". */
export function decodeBase64Strict(text: string): Buffer | null {
  const unpadded = unpaddedLength(text);
  if (!paddingFits(text, unpadded) || !BASE64_ANY_ALPHABET.test(text)) return null;
  return Buffer.from(text.slice(0, unpadded), alphabetOf(text));
}

export function isBase64Text(text: string): boolean {
  return paddingFits(text, unpaddedLength(text)) && BASE64_ANY_ALPHABET.test(text);
}

/**
 * Payloads up to this size are decoded into one buffer kept by this thread. A fresh buffer per payload
 * cost more than the decode into it (at 64 KiB here: 5 µs into this buffer, 7 µs into a fresh one,
 * and up to 35 µs while the allocator was handing memory back to the system and faulting it in again).
 */
const SCRATCH_MAX_BYTES = 1024 * 1024;
let scratch: Buffer | null = null;

/**
 * Each decode starts at another place within a page. The decoded bytes are AES-GCM's input, and its
 * output is a buffer Node allocates, where the allocator likes: when the two sit at the same offset
 * within a page, the CPU takes every load of input for one that may depend on the store of output
 * just before it (4K aliasing), and decryption runs at less than half speed (64 KiB: 46 µs against
 * 19 µs). Which offsets collide changes from process to process, so a fixed place made whole runs
 * slow or fast by luck; stepping through all 256 sixteen-byte places of a page leaves a collision
 * to about one payload in a hundred. The step is an odd number of sixteen bytes, so it reaches every
 * place before it repeats, and a large one, so the payload after a collision is far from it.
 */
const PAGE_BYTES = 4096;
const SHIFT_STEP = 16 * 37;
let shift = 0;

function decodeTarget(bytes: number): Buffer {
  shift = (shift + SHIFT_STEP) % PAGE_BYTES;
  if (bytes > SCRATCH_MAX_BYTES) return Buffer.allocUnsafe(bytes + PAGE_BYTES).subarray(shift, shift + bytes);
  if (!scratch || scratch.length < bytes + PAGE_BYTES) scratch = Buffer.allocUnsafeSlow(Math.max(bytes, 64 * 1024) + PAGE_BYTES);
  return scratch.subarray(shift, shift + bytes);
}

/**
 * Decode for the bulk path, without a regex pass over a large payload. Node's decoder accepts both
 * alphabets and skips any character it does not know, which shortens the output, so a decode exactly
 * as long as the text implies had no such character — except in text with characters above U+00FF,
 * which Node truncates to a byte (`Ņ` reads as `E`). Bytes from such text can only authenticate if
 * they are what the sender sealed, so the caller accepts them only after GCM verifies, and uses
 * `isBase64Text` to tell "not base64" from "no key" when nothing matches.
 *
 * The bytes returned are valid until the next call on this thread: the caller only reads them.
 */
export function decodeBase64ByLength(text: string): Buffer | null {
  const unpadded = unpaddedLength(text);
  if (!paddingFits(text, unpadded)) return null;
  const target = decodeTarget(Math.floor((unpadded * 3) / 4));
  return target.write(text, 0, target.length, alphabetOf(text)) === target.length ? target : null;
}

export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}
