import { create } from 'zustand';
import type { ResponseOf } from '../../../shared/contract';
import type { ReceiverSnippet } from '../../../shared/domain';
import type { CustodyErrorShape } from '../../../shared/errors';

/** A body sealed as secureFetch would seal it, and the key that sealed it (metadata only). */
export type SealedBody = ResponseOf<'payloads.encrypt'> & { workflowId: string };

export interface SimulateState {
  /** The workflow whose active key encrypts; null until the officer picks one (a default is shown). */
  workflowId: string | null;
  body: string;
  sealed: SealedBody | null;
  encrypting: boolean;
  error: CustodyErrorShape | null;
  /** Receiver snippets, read once from main; they hold a placeholder, never a key. */
  snippets: ReceiverSnippet[] | null;
}

export const initialSimulateState: SimulateState = {
  workflowId: null,
  body: '',
  sealed: null,
  encrypting: false,
  error: null,
  snippets: null,
};

export const useSimulateStore = create<SimulateState>()(() => initialSimulateState);
