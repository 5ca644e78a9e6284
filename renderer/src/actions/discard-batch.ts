import { custody } from '../client/custody';
import { useBatchStore } from '../state/batch-store';
import { dropBatchState } from './batch-events';
import { hidePlaintext } from './plaintext-reveal';

/** Drops the batch in main (its results leave main's memory) and in the page, its revealed body hidden. */
export function discardBatch(): void {
  const { batchId } = useBatchStore.getState();
  if (batchId !== null) void custody().batches.discard({ batchId });
  hidePlaintext();
  dropBatchState();
}
