import type { CapturedPayload, DecryptScope } from '../../../shared/domain';
import { custody } from '../client/custody';
import { useDecryptStore } from '../state/decrypt-store';
import type { ResultFilter } from '../lib/result-rows';
import { useWorkflowStore } from '../state/workflow-store';
import { startPastedBatch } from './batch-actions';
import { discardBatch } from './discard-batch';
import { showScreen } from './navigation-actions';
import { isInlineError } from './vault-actions';
import { refreshAfterChange } from './workflow-actions';

/** Opens Decrypt on one workflow's keys, or on every workflow's keys when none is given. */
export function openDecrypt(workflowId: string | null = useWorkflowStore.getState().selectedWorkflowId): void {
  showScreen('decrypt');
  useDecryptStore.setState({ scope: workflowId === null ? { mode: 'any' } : { mode: 'workflow', workflowId } });
}

export function setDecryptScope(scope: DecryptScope): void {
  useDecryptStore.setState({ scope });
}

export function setPastedCapture(pasted: string): void {
  useDecryptStore.setState({ pasted });
}

export function clearDecrypt(): void {
  useDecryptStore.setState({ pasted: '', results: [], selectedIndex: null, filter: 'all', error: null, revealed: null });
}

export function selectResult(index: number | null): void {
  useDecryptStore.setState({ selectedIndex: index });
}

export function setResultFilter(filter: ResultFilter): void {
  useDecryptStore.setState({ filter });
}

export function setDragging(dragging: boolean): void {
  if (useDecryptStore.getState().dragging !== dragging) useDecryptStore.setState({ dragging });
}

export async function decryptCaptures(captures: CapturedPayload[]): Promise<void> {
  if (captures.length === 0) return;
  // One result area at a time: a batch on screen gives way to these cards.
  discardBatch();
  const { scope } = useDecryptStore.getState();
  useDecryptStore.setState({ running: true, error: null, revealed: null });
  const result = await custody().payloads.decrypt({ payloads: captures, scope });
  if (!result.ok) {
    useDecryptStore.setState({
      running: false,
      results: [],
      selectedIndex: null,
      error: isInlineError(result.error) ? result.error : null,
    });
    return;
  }
  // The first result shows beside the list at once: a single paste needs no click.
  useDecryptStore.setState({ running: false, results: result.value, selectedIndex: 0, filter: 'all' });
  // "Last matched" changed for the keys that matched.
  void refreshAfterChange();
}

export function decryptPasted(): Promise<void> {
  const { pasted } = useDecryptStore.getState();
  return decryptCaptures([{ source: 'Pasted capture', text: pasted }]);
}

/** Largest dropped file read into the page; the contract caps one capture at 16 MiB as well. */
const MAX_DROPPED_BYTES = 16 * 1024 * 1024;
/**
 * More dropped files than this run as a batch: a card each would be a wall of plaintext, and a
 * batch decrypts off main's thread, with progress and export.
 */
export const MAX_DROPPED_CARDS = 20;

/**
 * Files dropped anywhere on the window: read here and decrypted (many as a batch). A drop with a
 * folder in it runs in main instead (startDroppedBatch).
 */
export async function decryptDroppedFiles(files: readonly File[]): Promise<void> {
  const readable = files.filter((f) => f.size <= MAX_DROPPED_BYTES);
  const captures = await Promise.all(readable.map(async (f) => ({ source: f.name, text: await f.text() })));
  if (captures.length > MAX_DROPPED_CARDS) await startPastedBatch(captures);
  else await decryptCaptures(captures);
  // Set after decrypting, which clears earlier errors: this one is about this drop.
  const tooLarge = files.filter((f) => f.size > MAX_DROPPED_BYTES).map((f) => f.name);
  if (tooLarge.length > 0) {
    const message = `${tooLarge.join(', ')}: larger than 16 MiB, not a single secureFetch capture. Nothing was read from it.`;
    useDecryptStore.setState({ error: { code: 'INVALID_INPUT', message } });
  }
}
