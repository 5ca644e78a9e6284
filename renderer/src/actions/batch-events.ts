import { BATCH_RESULTS_SHOWN, type EventPayloadOf } from '../../../shared/contract';
import { initialBatchState, useBatchStore } from '../state/batch-store';

type BatchEvent =
  | { name: 'batch.progress'; payload: EventPayloadOf<'batch.progress'> }
  | { name: 'batch.results'; payload: EventPayloadOf<'batch.results'> }
  | { name: 'batch.finished'; payload: EventPayloadOf<'batch.finished'> };

/**
 * Events that arrive while batches.start is still in flight: main may push a batch's first events
 * before its answer (with the batch id) reaches the page. They are kept until the answer names
 * the batch, then applied in order; those of any other batch are dropped.
 */
let early: BatchEvent[] = [];

function elapsedSince(startedAt: number | null): number {
  return startedAt === null ? 0 : (Date.now() - startedAt) / 1000;
}

function apply(event: BatchEvent): void {
  const state = useBatchStore.getState();
  switch (event.name) {
    case 'batch.progress':
      if (state.phase === 'running' || state.phase === 'cancelling') {
        const { counts, bytes } = event.payload;
        useBatchStore.setState({ counts, bytes, elapsedSeconds: elapsedSince(state.startedAt) });
      }
      return;
    case 'batch.results': {
      const room = BATCH_RESULTS_SHOWN.results - state.results.length;
      if (room <= 0) return;
      useBatchStore.setState({ results: [...state.results, ...event.payload.results.slice(0, room)] });
      return;
    }
    case 'batch.finished': {
      const { counts, bytes, cancelled, error, exportable } = event.payload;
      useBatchStore.setState({ phase: 'finished', counts, bytes, cancelled, error, exportable });
      return;
    }
  }
}

/** Every batch.* event goes through here: those of another batch than the page's are ignored. */
function route(event: BatchEvent): void {
  const { phase, batchId } = useBatchStore.getState();
  if (phase === 'starting') early.push(event);
  else if (batchId !== null && event.payload.batchId === batchId) apply(event);
}

export const applyBatchProgress = (payload: EventPayloadOf<'batch.progress'>) => route({ name: 'batch.progress', payload });
export const applyBatchResults = (payload: EventPayloadOf<'batch.results'>) => route({ name: 'batch.results', payload });
export const applyBatchFinished = (payload: EventPayloadOf<'batch.finished'>) => route({ name: 'batch.finished', payload });

/** batches.start answered: the batch runs, and what it already sent is applied. */
export function batchStarted(batchId: string, total: number | null, totalBytes: number | null): void {
  useBatchStore.setState({
    phase: 'running',
    batchId,
    counts: { done: 0, total, decrypted: 0, noMatchingKey: 0, malformed: 0, otherErrors: 0 },
    bytes: { read: 0, total: totalBytes },
    startedAt: Date.now(),
    elapsedSeconds: 0,
  });
  const buffered = early;
  early = [];
  for (const event of buffered) if (event.payload.batchId === batchId) apply(event);
}

export function batchStartFailed(): void {
  early = [];
}

/**
 * Forgets the batch in the page: its results (decrypted bodies) leave memory. The NDJSON field is
 * the officer's setting, not the batch's, so it stays.
 */
export function dropBatchState(): void {
  early = [];
  const { ndjsonField } = useBatchStore.getState();
  useBatchStore.setState({ ...initialBatchState, ndjsonField }, true);
}
