// Never log key material or plaintext: both pass through here.
import type { DecryptItemResult, KeyStatus, Layout, Plaintext } from '../../shared/domain';
import type { CustodyErrorShape } from '../../shared/errors';
import { CustodyError, toErrorShape } from './custody-error';
import { fingerprintOf } from './key-material';
import { type Attempt, decodePayload, describePlaintext, notBase64Error, openPayload } from './payload-codec';

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
  return keys.map((material) => ({
    material,
    id: null,
    workflowId: null,
    label: null,
    status: null,
    fingerprint: fingerprintOf(material),
  }));
}

function noMatch(count: number): CustodyError {
  return new CustodyError(
    'NO_MATCHING_KEY',
    count === 0
      ? 'There are no keys to try. Add or import the workflow key, or choose another workflow.'
      : `None of the ${count} key(s) tried opens this payload (in either layout). It was sealed with another key, or altered.`,
  );
}

/** What opening one capture gave, before it is tied to a source and a key's description. */
export type Opened = { ok: true; index: number; layout: Layout; plaintext: Plaintext } | { ok: false; error: CustodyErrorShape };

/** The same with the plaintext still as bytes, for a worker that moves them to another thread. */
export type OpenedBytes = { ok: true; index: number; layout: Layout; bytes: Buffer } | { ok: false; error: CustodyErrorShape };

/** R10 for one captured payload: the first candidate whose GCM tag verifies wins. */
function openCaptureBytes(captured: string, materials: readonly Uint8Array[], likely?: Attempt): OpenedBytes {
  try {
    const match = openPayload(decodePayload(captured), materials, likely);
    if (!match) throw notBase64Error(captured) ?? noMatch(materials.length);
    return { ok: true, index: match.index, layout: match.layout, bytes: match.plaintext };
  } catch (error) {
    return { ok: false, error: toErrorShape(error) };
  }
}

/**
 * Opens captures one after another, each first with the key and layout that opened the one before
 * (openPayload's `likely`): captures of one batch mostly come from one workflow and key.
 */
export function captureOpener(materials: readonly Uint8Array[]): (captured: string) => OpenedBytes {
  let likely: Attempt | undefined;
  return (captured) => {
    const opened = openCaptureBytes(captured, materials, likely);
    if (opened.ok) likely = { index: opened.index, layout: opened.layout };
    return opened;
  };
}

/** Turns the plaintext bytes into what a person sees. */
export function describeOpened(opened: OpenedBytes): Opened {
  if (!opened.ok) return opened;
  return { ok: true, index: opened.index, layout: opened.layout, plaintext: describePlaintext(opened.bytes) };
}

export function openCapture(captured: string, materials: readonly Uint8Array[]): Opened {
  return describeOpened(openCaptureBytes(captured, materials));
}

/**
 * The public description of each candidate with its position, made once per batch and shared by
 * the results it matched (frozen, since many results hold the same one): a copy per result was a
 * tenth of the coordinating thread's time on 1 KiB payloads.
 */
export type CandidateInfo = Readonly<Omit<Candidate, 'material'> & { index: number }>;

export function describeCandidates(candidates: readonly Candidate[]): CandidateInfo[] {
  return candidates.map(({ material: _material, ...info }, index) => Object.freeze({ ...info, index }));
}

export function resultOfOpened(source: string, opened: Opened, infos: readonly CandidateInfo[]): DecryptItemResult {
  if (!opened.ok) return { ok: false, source, error: opened.error };
  return {
    ok: true,
    source,
    layout: opened.layout,
    key: infos[opened.index],
    plaintext: opened.plaintext,
  };
}

export function decryptItem(source: string, captured: string, candidates: readonly Candidate[]): DecryptItemResult {
  return resultOfOpened(
    source,
    openCapture(
      captured,
      candidates.map((c) => c.material),
    ),
    describeCandidates(candidates),
  );
}
