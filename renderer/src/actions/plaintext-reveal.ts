/**
 * Decrypted bodies are hidden until the officer reveals one: one at a time, hidden again after a
 * minute, and on lock and when the screen is left (which reset the store).
 */
import type { DecryptItemResult } from '../../../shared/domain';
import { useDecryptStore } from '../state/decrypt-store';

export const REVEAL_SECONDS = 60;

let hideTimer: ReturnType<typeof setTimeout> | null = null;

export function hidePlaintext(): void {
  if (hideTimer !== null) clearTimeout(hideTimer);
  hideTimer = null;
  useDecryptStore.setState({ revealed: null });
}

export function revealPlaintext(result: DecryptItemResult): void {
  hidePlaintext();
  useDecryptStore.setState({ revealed: result });
  hideTimer = setTimeout(hidePlaintext, REVEAL_SECONDS * 1000);
}
