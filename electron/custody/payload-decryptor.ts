// Never log key material or plaintext: both pass through here.
import type { DecryptItemResult, DecryptMatch, KeyStatus } from '../../shared/domain';
import type { CaptureItem } from './capture-sources';
import { CustodyError, toErrorShape } from './custody-error';
import { fingerprintOf } from './key-material';
import { decodePayload, describePlaintext, notBase64Error, openPayload } from './payload-codec';

/** A key to try, with what a person needs to recognise it when it matches. */
export interface Candidate {
  material: Buffer;
  id: string | null;
  workflowId: string | null;
  label: string | null;
  status: KeyStatus | null;
  fingerprint: string;
}

/** What a result says of the key that matched: the candidate without its material, and its position. */
export type CandidateInfo = DecryptMatch['key'];

/** Keys from a key file: known only by fingerprint and position. */
export function candidatesFromRawKeys(keys: readonly Buffer[]): Candidate[] {
  return keys.map((material) => ({
    material,
    id: null,
    workflowId: null,
    label: null,
    status: null,
    fingerprint: fingerprintOf(material),
  }));
}

export function describeCandidates(candidates: readonly Candidate[]): CandidateInfo[] {
  return candidates.map(({ material: _material, ...info }, index) => ({ ...info, index }));
}

function noMatch(count: number): CustodyError {
  return new CustodyError(
    'NO_MATCHING_KEY',
    count === 0
      ? 'There are no keys to try. Add or import the workflow key, or choose another workflow.'
      : `None of the ${count} key(s) tried opens this payload (in either layout). It was sealed with another key, or altered.`,
  );
}

/**
 * R10 for one capture: the keys in try order (`keys[i]` is described by `infos[i]`); the first
 * that authenticates wins, and a capture that could not be read keeps its own error.
 */
export function decryptCapture(
  item: CaptureItem,
  keys: readonly Uint8Array[],
  infos: readonly CandidateInfo[],
): DecryptItemResult {
  const meta = item.meta ? { meta: item.meta } : {};
  if ('error' in item) return { ok: false, source: item.source, error: item.error, ...meta };
  try {
    const match = openPayload(decodePayload(item.text), keys);
    if (!match) throw notBase64Error(item.text) ?? noMatch(keys.length);
    const key = infos[match.index];
    if (!key) throw new CustodyError('INTERNAL', 'A key matched that was not among the keys described.');
    const plaintext = describePlaintext(match.plaintext);
    return { ok: true, source: item.source, ...meta, layout: match.layout, key, plaintext };
  } catch (error) {
    return { ok: false, source: item.source, error: toErrorShape(error), ...meta };
  }
}
