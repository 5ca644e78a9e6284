import type { Plaintext } from '../../../shared/domain';

/** How a decrypted body is shown: pretty JSON, plain text, or the bytes when it is not UTF-8. */
export type PlaintextView =
  { kind: 'json'; text: string } | { kind: 'text'; text: string } | { kind: 'binary'; base64: string; hex: string };

/** Hex of more than this many bytes is cut, with the full value still available as base64. */
export const HEX_PREVIEW_BYTES = 4096;

function prettyJson(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return null;
  }
}

function hexOfBase64(base64: string, maxBytes = HEX_PREVIEW_BYTES): string {
  const binary = atob(base64);
  const length = Math.min(binary.length, maxBytes);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) parts.push(binary.charCodeAt(i).toString(16).padStart(2, '0'));
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 16) lines.push(parts.slice(i, i + 16).join(' '));
  return lines.join('\n') + (binary.length > maxBytes ? `\n… ${binary.length - maxBytes} more bytes` : '');
}

export function plaintextView(plaintext: Plaintext): PlaintextView {
  if (plaintext.utf8 && plaintext.text !== null) {
    const json = prettyJson(plaintext.text);
    return json === null ? { kind: 'text', text: plaintext.text } : { kind: 'json', text: json };
  }
  const base64 = plaintext.base64 ?? '';
  return { kind: 'binary', base64, hex: hexOfBase64(base64) };
}
