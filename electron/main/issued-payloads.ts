/**
 * Texts main gave out (payloads `payloads.encrypt` made, bodies it decrypted for the page),
 * remembered by digest only, so `payloads.copy` puts on the clipboard what the app itself
 * produced and nothing else (not arbitrary text from a compromised page, and never a key).
 */
import { createHash } from 'node:crypto';

/** Enough for an officer going back and forth between a few bodies; the oldest are forgotten first. */
const REMEMBERED = 32;

function digest(payload: string): string {
  return createHash('sha256').update(payload, 'utf8').digest('hex');
}

export function createIssuedPayloads(remembered = REMEMBERED) {
  // A set keeps insertion order: its first value is the oldest.
  const digests = new Set<string>();
  return {
    remember(text: string): void {
      const key = digest(text);
      digests.delete(key);
      digests.add(key);
      const [oldest] = digests;
      if (digests.size > remembered && oldest !== undefined) digests.delete(oldest);
    },
    wasIssued(text: string): boolean {
      return digests.has(digest(text));
    },
  };
}

export type IssuedPayloads = ReturnType<typeof createIssuedPayloads>;
