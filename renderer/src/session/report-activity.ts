import type { CustodyApi } from '../../../shared/custody-api';
import { useVaultStore } from '../state/vault-store';

/** Often enough for a timer counted in minutes, rarely enough to be no traffic at all. */
const MIN_GAP_MS = 20_000;
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'wheel'] as const;

/**
 * R15: tells main that the window saw a click, a move or a scroll, at most every 20 s, so the app's
 * own idle timer counts them (main sees key presses itself). Returns the unsubscribe.
 */
export function reportActivity(api: CustodyApi, target: Window, clock: () => number = Date.now): () => void {
  let last = Number.NEGATIVE_INFINITY;
  const onInput = () => {
    if (useVaultStore.getState().status.state !== 'ready') return;
    const now = clock();
    if (now - last < MIN_GAP_MS) return;
    last = now;
    void api.vault.activity();
  };
  for (const name of INPUT_EVENTS) target.addEventListener(name, onInput, { passive: true, capture: true });
  return () => {
    for (const name of INPUT_EVENTS) target.removeEventListener(name, onInput, { capture: true });
  };
}
