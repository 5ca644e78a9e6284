import { create } from 'zustand';
import type { DecryptItemResult, DecryptScope } from '../../../shared/domain';
import type { CustodyErrorShape } from '../../../shared/errors';
import type { ResultFilter } from '../lib/result-rows';

export interface DecryptState {
  scope: DecryptScope;
  /** The pasted capture. */
  pasted: string;
  /** The results of a paste or a few dropped files (a batch keeps its own: batch-store). */
  results: DecryptItemResult[];
  /** The result whose details show beside the list. */
  selectedIndex: number | null;
  filter: ResultFilter;
  running: boolean;
  /** A failure of the whole request (not of one payload). */
  error: CustodyErrorShape | null;
  /**
   * The one result whose decrypted body shows in clear (a paste's or a batch's); hidden again
   * after a minute, when another is revealed, and on lock.
   */
  revealed: DecryptItemResult | null;
  /** A drag with files is over the window: the drop overlay shows. */
  dragging: boolean;
}

export const initialDecryptState: DecryptState = {
  scope: { mode: 'any' },
  pasted: '',
  results: [],
  selectedIndex: null,
  filter: 'all',
  running: false,
  error: null,
  revealed: null,
  dragging: false,
};

export const useDecryptStore = create<DecryptState>()(() => initialDecryptState);
