const BASE64_ANY_ALPHABET = /^[A-Za-z0-9+/_-]*={0,2}$/;

function unpaddedLength(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  return end;
}

/**
 * Strict decode of base64 or base64url, padded or not; `null` means "not base64".
 * Node's decoder accepts both alphabets but, for ASCII text, silently skips characters it does not
 * know (or stops at a stray `=`), and each of those shortens the output. So for ASCII text a decode
 * exactly as long as the text implies is proven clean without a regex pass over a large payload.
 * Non-ASCII text is never given that shortcut: Node truncates UTF-16 code units to bytes, so
 * `Ł` would decode as `A`.
 */
export function decodeBase64Strict(text: string): Buffer | null {
  const unpadded = unpaddedLength(text);
  if (unpadded % 4 === 1 || text.length - unpadded > 2) return null;
  if (text.length !== unpadded && text.length % 4 !== 0) return null;
  if (Buffer.byteLength(text, 'utf8') === text.length) {
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length === Math.floor((unpadded * 3) / 4)) return bytes;
  }
  return BASE64_ANY_ALPHABET.test(text) ? Buffer.from(text.slice(0, unpadded), 'base64') : null;
}

export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}
