import { create } from 'zustand';
import type { DecryptItemResult, DecryptScope } from '../../../shared/domain';
import type { CustodyErrorShape } from '../../../shared/errors';

/** The Decrypt screen's two tabs: the decryption workbench, and encrypting a body to test a receiver. */
export type DecryptTab = 'captures' | 'simulate';

export interface DecryptState {
  tab: DecryptTab;
  scope: DecryptScope;
  /** The pasted capture. */
  pasted: string;
  results: DecryptItemResult[];
  running: boolean;
  /** A failure of the whole request (not of one payload). */
  error: CustodyErrorShape | null;
}

export const initialDecryptState: DecryptState = {
  tab: 'captures',
  scope: { mode: 'any' },
  pasted: '',
  results: [],
  running: false,
  error: null,
};

export const useDecryptStore = create<DecryptState>()(() => initialDecryptState);
