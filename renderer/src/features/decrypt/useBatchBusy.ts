import { useBatchStore } from '../../state/batch-store';

/** A batch is starting or running: new inputs wait, so a click cannot throw away a batch in progress. */
export function useBatchBusy(): boolean {
  return useBatchStore((s) => s.phase === 'starting' || s.phase === 'running' || s.phase === 'cancelling');
}
