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

/** Both of Node's decoders read both alphabets, but each is fastest on its own. */
function alphabetOf(text: string): 'base64' | 'base64url' {
  return text.includes('-') || text.includes('_') ? 'base64url' : 'base64';
}

export function isBase64Text(text: string): boolean {
  return paddingFits(text, unpaddedLength(text)) && BASE64_ANY_ALPHABET.test(text);
}

/** Strict decode of base64 or base64url, padded or not; `null` means "not base64". */
export function decodeBase64Strict(text: string): Buffer | null {
  if (!isBase64Text(text)) return null;
  return Buffer.from(text.slice(0, unpaddedLength(text)), alphabetOf(text));
}

/**
 * Decode without a pattern pass over a large payload. Node's decoder skips characters outside the
 * alphabets, which shortens the output, so a decode exactly as long as the text implies had none —
 * except characters above U+00FF, which Node reads as their low byte. Bytes from such text can
 * only authenticate if they are what the sender sealed, so callers trust them only after AES-GCM
 * verifies them, and use `isBase64Text` to tell "not base64" from "no key" when nothing matches.
 */
export function decodeBase64Loose(text: string): Buffer | null {
  const unpadded = unpaddedLength(text);
  if (!paddingFits(text, unpadded)) return null;
  const bytes = Buffer.from(text.slice(0, unpadded), alphabetOf(text));
  return bytes.length === Math.floor((unpadded * 3) / 4) ? bytes : null;
}

export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}
