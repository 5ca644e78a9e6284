import { initialDecryptState, useDecryptStore } from '../state/decrypt-store';
import { type Screen, useNavigationStore } from '../state/navigation-store';

/**
 * Leaving Decrypt drops the decrypted bodies and the pasted capture: they hold the secrets
 * secureFetch protected, and nothing should keep them on screen behind the officer's back.
 */
export function showScreen(screen: Screen): void {
  const { screen: current } = useNavigationStore.getState();
  if (current === 'decrypt' && screen !== 'decrypt') {
    const { scope } = useDecryptStore.getState();
    useDecryptStore.setState({ ...initialDecryptState, scope }, true);
  }
  useNavigationStore.setState({ screen });
}
