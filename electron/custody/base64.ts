const BASE64_ANY_ALPHABET = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * Strict decode of base64 or base64url, padded or not. Node's own decoder silently skips
 * characters it does not know, so the text is checked first; `null` means "not base64".
 */
export function decodeBase64Strict(text: string): Buffer | null {
  if (!BASE64_ANY_ALPHABET.test(text)) return null;
  const unpadded = text.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return null;
  if (text.length !== unpadded.length && text.length % 4 !== 0) return null;
  return Buffer.from(unpadded, 'base64');
}

export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}
