import { custody } from '../client/custody';
import { useBatchStore } from '../state/batch-store';
import { dropBatchState } from './batch-events';

/** Drops the batch in main (its results leave main's memory) and in the page. */
export function discardBatch(): void {
  const { batchId } = useBatchStore.getState();
  if (batchId !== null) void custody().batches.discard({ batchId });
  dropBatchState();
}
