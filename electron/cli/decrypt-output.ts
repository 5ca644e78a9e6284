// Plaintext passes through here: it goes to stdout only, never into an error or a log line.
import type { DecryptItemResult, DecryptMatch } from '../../shared/domain';
import { jsonLine } from './text-table';

/**
 * DESIGN §6: one JSON object per input. UTF-8 plaintext is given as text; anything else as base64
 * with `"plaintextEncoding":"base64"`, so no byte is ever lost to a replacement character.
 */
export function decryptJsonLine(result: DecryptItemResult): string {
  if (!result.ok) return jsonLine({ source: result.source, ok: false, error: result.error });
  const { plaintext } = result;
  const body = plaintext.utf8 ? { plaintext: plaintext.text } : { plaintext: plaintext.base64, plaintextEncoding: 'base64' };
  return jsonLine({ source: result.source, ok: true, ...body, layout: result.layout, key: result.key });
}

function whichKey(key: DecryptMatch['key']): string {
  if (key.id === null) return `key #${key.index + 1} of the key file (fingerprint ${key.fingerprint})`;
  const label = key.label ? ` "${key.label}"` : '';
  return `key ${key.id}${label} of workflow ${key.workflowId} (${key.status}, fingerprint ${key.fingerprint})`;
}

/** JSON is shown indented; any other text exactly as decrypted. */
function readable(text: string): string {
  let shown = text;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) shown = JSON.stringify(value, null, 2);
  } catch {
    // Not JSON: shown as is.
  }
  return shown.endsWith('\n') ? shown : `${shown}\n`;
}

/**
 * A person's view: the plaintext on stdout, and on stderr (so it never mixes into piped output)
 * a header naming the input, the key and the layout that matched, or the error.
 */
export function decryptReport(result: DecryptItemResult): { out: string; err: string } {
  if (!result.ok) return { out: '', err: `${result.source}: error ${result.error.code}: ${result.error.message}\n` };
  const header = `${result.source}: decrypted with ${whichKey(result.key)}, layout ${result.layout}`;
  const { plaintext } = result;
  if (plaintext.utf8) return { out: readable(plaintext.text ?? ''), err: `${header}\n` };
  return {
    out: `${plaintext.base64}\n`,
    err: `${header}\n${result.source}: the plaintext is not UTF-8 text (${plaintext.byteLength} bytes); shown as base64\n`,
  };
}
