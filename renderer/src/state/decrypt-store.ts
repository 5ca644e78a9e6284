import { create } from 'zustand';
import type { DecryptItemResult, DecryptScope } from '../../../shared/domain';
import type { CustodyErrorShape } from '../../../shared/errors';

export interface DecryptState {
  scope: DecryptScope;
  /** The pasted capture. */
  pasted: string;
  results: DecryptItemResult[];
  running: boolean;
  /** A failure of the whole request (not of one payload). */
  error: CustodyErrorShape | null;
}

export const initialDecryptState: DecryptState = { scope: { mode: 'any' }, pasted: '', results: [], running: false, error: null };

export const useDecryptStore = create<DecryptState>()(() => initialDecryptState);
