import type { Envelope } from './key-envelope';
import type { VaultState } from './vault-state';

/** A vault as R17 compares it: the sealed state, and the key envelope that the passphrase wraps. */
export interface VaultContent {
  /** Absent in a vault of the first format. */
  envelope?: Envelope;
  state: VaultState;
}

/**
 * What R17 counts as a change: workflows and keys (without their last-matched times), the
 * settings, and the passphrase (a rolled-back envelope would bring a removed passphrase back, or
 * take a new one away). The audit tail and last-matched times are left out, so audit-only writes
 * (a decrypt, a copy, a lock, an audit repair) do not count. Key material is represented by its
 * fingerprint.
 */
function contentOf({ envelope, state }: VaultContent): string {
  const workflows = state.workflows.map(({ keys, ...workflow }) => [
    workflow,
    keys.map(({ material: _material, lastMatchedAt: _lastMatchedAt, ...key }) => key),
  ]);
  return JSON.stringify([workflows, state.settings, envelope ?? null]);
}

/** The content generation of `next`: one more than `previous`'s when its content differs, the same otherwise. */
export function nextContentGeneration(previous: VaultContent, next: VaultContent): number {
  const generation = previous.state.contentGeneration;
  return contentOf(previous) === contentOf(next) ? generation : generation + 1;
}
