import { initialDecryptState, useDecryptStore } from '../state/decrypt-store';
import { type Screen, useNavigationStore } from '../state/navigation-store';
import { discardBatch } from './batch-actions';
import { resetSimulate } from './simulate-actions';

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
