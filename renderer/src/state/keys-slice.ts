import type { StateCreator } from 'zustand';
import type { KeyInfo } from '../../../shared/domain';
import type { CustodyErrorShape } from '../../../shared/errors';

/** The keys of the selected workflow: metadata only, never key material. */
export interface KeysSlice {
  keys: KeyInfo[];
  /** Which workflow `keys` belongs to; null until a list has arrived. */
  keysWorkflowId: string | null;
  keysLoading: boolean;
  keysError: CustodyErrorShape | null;
}

export const initialKeysSlice: KeysSlice = { keys: [], keysWorkflowId: null, keysLoading: false, keysError: null };

export const createKeysSlice: StateCreator<KeysSlice, [], [], KeysSlice> = () => initialKeysSlice;
