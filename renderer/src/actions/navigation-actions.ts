import { initialDecryptState, useDecryptStore } from '../state/decrypt-store';
import { type Screen, useNavigationStore } from '../state/navigation-store';
import { initialSimulateState, useSimulateStore } from '../state/simulate-store';
import { discardBatch } from './discard-batch';

/**
 * Leaving Decrypt drops the decrypted bodies (pasted, or a whole batch, in the page and in main),
 * the pasted capture and the body being simulated: they hold the secrets secureFetch protected,
 * and nothing should keep them on screen behind the officer's back.
 */
export function showScreen(screen: Screen): void {
  const { screen: current } = useNavigationStore.getState();
  if (current === 'decrypt' && screen !== 'decrypt') {
    const { scope } = useDecryptStore.getState();
    useDecryptStore.setState({ ...initialDecryptState, scope }, true);
    discardBatch();
    resetSimulate();
  }
  useNavigationStore.setState({ screen });
}

/** The body typed here may be a real one: it leaves the page with the screen. Snippets hold no secret. */
function resetSimulate(): void {
  const { snippets } = useSimulateStore.getState();
  useSimulateStore.setState({ ...initialSimulateState, snippets }, true);
}
