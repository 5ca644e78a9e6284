// Never log key material or plaintext: both pass through here.
import type { DecryptItemResult, KeyStatus } from '../../shared/domain';
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

/** Keys from a key file: known only by fingerprint and position. */
export function candidatesFromRawKeys(keys: readonly Buffer[]): Candidate[] {
  return keys.map((material) => ({ material, id: null, workflowId: null, label: null, status: null, fingerprint: fingerprintOf(material) }));
}

function noMatch(count: number): CustodyError {
  return new CustodyError(
    'NO_MATCHING_KEY',
    count === 0
      ? 'There are no keys to try. Add or import the workflow key, or choose another workflow.'
      : `None of the ${count} key(s) tried opens this payload (in either layout). It was sealed with another key, or altered.`,
  );
}

/** R10 for one captured payload: the first candidate whose GCM tag verifies wins. */
export function decryptItem(source: string, captured: string, candidates: readonly Candidate[]): DecryptItemResult {
  try {
    const bytes = decodePayload(captured);
    const match = openPayload(bytes, candidates.map((c) => c.material));
    if (!match) throw notBase64Error(captured) ?? noMatch(candidates.length);
    const { material: _material, ...key } = candidates[match.index];
    return { ok: true, source, layout: match.layout, key: { ...key, index: match.index }, plaintext: describePlaintext(match.plaintext) };
  } catch (error) {
    return { ok: false, source, error: toErrorShape(error) };
  }
}
