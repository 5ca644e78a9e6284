import { create } from 'zustand';
import type { BatchBytes, BatchCounts, CaptureKind, DecryptItemResult, DecryptScope } from '../../../shared/domain';
import type { CustodyErrorShape } from '../../../shared/errors';
import type { ResultFilter } from '../lib/result-rows';

/**
 * A decrypt batch's life in the page: `idle` (nothing chosen), `selected` (a folder was counted
 * and waits for Start), `starting` (batches.start is in flight), `running`, `cancelling`, `finished`.
 */
export type BatchPhase = 'idle' | 'selected' | 'starting' | 'running' | 'cancelling' | 'finished';

/** What the batch decrypts, as the page may know it: a kind, a label and a count, never a path. */
export interface BatchInput {
  kind: CaptureKind | 'dropped';
  label: string;
  /** Files in the input (HAR and NDJSON files hold many payloads each). */
  files: number;
}

export interface BatchState {
  phase: BatchPhase;
  input: BatchInput | null;
  /** The keys the batch tries, as they were when it started. */
  scope: DecryptScope | null;
  /** The dialog's selection in main, while a folder waits for Start. */
  selectionId: string | null;
  /** The open dialog is up (in main): the open buttons wait for it. */
  choosing: boolean;
  /** The NDJSON member that holds the payload; empty means "payload", then "body". */
  ndjsonField: string;
  batchId: string | null;
  counts: BatchCounts | null;
  /** Bytes of the input read, and its size when known: the progress bar's measure. */
  bytes: BatchBytes | null;
  /** When the batch started (Date.now()), and the seconds it had run at the last progress: its rate. */
  startedAt: number | null;
  elapsedSeconds: number;
  /**
   * In input order, the first ones up to BATCH_RESULTS_SHOWN (main sends no more). Decrypted
   * bodies: they leave the page when the batch is discarded.
   */
  results: DecryptItemResult[];
  /** The result the detail pane shows. */
  selectedIndex: number | null;
  filter: ResultFilter;
  cancelled: boolean;
  /** The batch could not start, or stopped on an error of its own (not a per-item one). */
  error: CustodyErrorShape | null;
  /** The export holds every result (false when the batch outgrew what main keeps). */
  exportable: boolean;
  /** The question before an export with decrypted bodies is open. */
  confirmingPlaintextExport: boolean;
  exporting: boolean;
}

export const initialBatchState: BatchState = {
  phase: 'idle',
  input: null,
  scope: null,
  selectionId: null,
  choosing: false,
  ndjsonField: '',
  batchId: null,
  counts: null,
  bytes: null,
  startedAt: null,
  elapsedSeconds: 0,
  results: [],
  selectedIndex: null,
  filter: 'all',
  cancelled: false,
  error: null,
  exportable: true,
  confirmingPlaintextExport: false,
  exporting: false,
};

export const useBatchStore = create<BatchState>()(() => initialBatchState);
