// Plaintext passes through here: it goes to stdout only, never into an error or a log line.
import type { BatchCounts, DecryptItemResult, DecryptMatch } from '../../shared/domain';
import { printable } from './printable';

function whichKey(key: DecryptMatch['key']): string {
  if (key.id === null) return `key #${key.index + 1} of the key file (fingerprint ${key.fingerprint})`;
  const label = key.label ? ` "${printable(key.label)}"` : '';
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

/** The input, and for a HAR entry the request's URL and time. */
function sourceOf(result: DecryptItemResult): string {
  const where = [result.meta?.url, result.meta?.time].filter(Boolean).join(' at ');
  return printable(where ? `${result.source} (POST ${where})` : result.source);
}

/**
 * A person's view: the plaintext on stdout, and on stderr (so it never mixes into piped output)
 * a header naming the input, the key and the layout that matched, or the error.
 */
export function decryptReport(result: DecryptItemResult): { out: string; err: string } {
  const source = sourceOf(result);
  if (!result.ok) return { out: '', err: `${source}: error ${result.error.code}: ${printable(result.error.message)}\n` };
  const header = `${source}: decrypted with ${whichKey(result.key)}, layout ${result.layout}`;
  const { plaintext } = result;
  if (plaintext.utf8) return { out: readable(plaintext.text ?? ''), err: `${header}\n` };
  return {
    out: `${plaintext.base64}\n`,
    err: `${header}\n${source}: the plaintext is not UTF-8 text (${plaintext.byteLength} bytes); shown as base64\n`,
  };
}

/** The closing line of every decrypt, on stderr. */
export function summaryLine(counts: BatchCounts, cancelled: boolean): string {
  const summary = `${counts.decrypted} decrypted, ${counts.noMatchingKey} no matching key, ${counts.malformed} malformed, ${counts.otherErrors} other errors`;
  return cancelled ? `${summary} (cancelled after ${counts.done} items)\n` : `${summary}\n`;
}
