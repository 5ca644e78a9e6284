import { initialDecryptState, useDecryptStore } from '../state/decrypt-store';
import { type Screen, useNavigationStore } from '../state/navigation-store';
import { initialSimulateState, useSimulateStore } from '../state/simulate-store';
import { discardBatch } from './discard-batch';
import { hidePlaintext } from './plaintext-reveal';

/**
 * Leaving Decrypt drops the decrypted bodies (pasted, or a whole batch, in the page and in main)
 * and the pasted capture; leaving Simulate drops the body being simulated: they hold the secrets
 * secureFetch protected, and nothing should keep them on screen behind the officer's back.
 */
export function showScreen(screen: Screen): void {
  const { screen: current } = useNavigationStore.getState();
  if (current === 'decrypt' && screen !== 'decrypt') {
    const { scope } = useDecryptStore.getState();
    hidePlaintext();
    useDecryptStore.setState({ ...initialDecryptState, scope }, true);
    discardBatch();
  }
  if (current === 'simulate' && screen !== 'simulate') resetSimulate();
  useNavigationStore.setState({ screen });
}

/** The body typed here may be a real one: it leaves the page with the screen. Snippets hold no secret. */
function resetSimulate(): void {
  const { snippets } = useSimulateStore.getState();
  useSimulateStore.setState({ ...initialSimulateState, snippets }, true);
}
