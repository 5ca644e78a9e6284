/**
 * The payloads `payloads.encrypt` made in this session, remembered by digest only, so
 * `payloads.copy` puts on the clipboard what the app itself encrypted and nothing else (not
 * arbitrary text from a compromised page, and never a key).
 */
import { createHash } from 'node:crypto';

/** Enough for an officer going back and forth between a few bodies; the oldest are forgotten first. */
const REMEMBERED = 32;

function digest(payload: string): string {
  return createHash('sha256').update(payload, 'utf8').digest('hex');
}

export function createIssuedPayloads() {
  const digests: string[] = [];
  return {
    remember(payload: string): void {
      digests.push(digest(payload));
      if (digests.length > REMEMBERED) digests.shift();
    },
    wasIssued(payload: string): boolean {
      return digests.includes(digest(payload));
    },
  };
}
