/**
 * A hint shown while a key is typed or pasted into Import key. It never blocks: the core parses
 * the key (R5) and its answer is what counts.
 */
export type KeyTextHint =
  { kind: 'empty' } | { kind: 'looks-valid' } | { kind: 'wrong-alphabet' } | { kind: 'wrong-length'; length: number };

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=?$/;
const BASE64URL_32_BYTES = /^[A-Za-z0-9_-]{43}=?$/;
const ANY_BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

export function keyTextHint(text: string): KeyTextHint {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (BASE64_32_BYTES.test(trimmed) || BASE64URL_32_BYTES.test(trimmed)) return { kind: 'looks-valid' };
  if (!ANY_BASE64.test(trimmed)) return { kind: 'wrong-alphabet' };
  return { kind: 'wrong-length', length: trimmed.length };
}

export function keyTextHintMessage(hint: KeyTextHint): string {
  switch (hint.kind) {
    case 'empty':
      return 'Paste the 44-character key copied from the Kinde dashboard (base64 or base64url of 32 bytes).';
    case 'looks-valid':
      return 'Looks like a 32-byte key.';
    case 'wrong-alphabet':
      return 'A key uses only letters, digits and + / (or - _ for base64url), with an optional = at the end.';
    case 'wrong-length':
      return `A 32-byte key is 44 characters (43 without the trailing =); this is ${hint.length}.`;
  }
}
