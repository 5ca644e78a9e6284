import type { StateCreator } from 'zustand';
import type { KeyInfo } from '../../../shared/domain';
import type { CustodyErrorShape } from '../../../shared/errors';
import { DEFAULT_KEY_QUERY, type KeyTableQuery } from '../lib/key-table-view';

/** The keys of the selected workflow: metadata only, never key material. */
export interface KeysSlice {
  keys: KeyInfo[];
  /** Which workflow `keys` belongs to; null until a list has arrived. */
  keysWorkflowId: string | null;
  keysLoading: boolean;
  keysError: CustodyErrorShape | null;
  /** The key table's filter and sort; back to none when another workflow is selected. */
  keyQuery: KeyTableQuery;
}

export const initialKeysSlice: KeysSlice = {
  keys: [],
  keysWorkflowId: null,
  keysLoading: false,
  keysError: null,
  keyQuery: DEFAULT_KEY_QUERY,
};

export const createKeysSlice: StateCreator<KeysSlice, [], [], KeysSlice> = () => initialKeysSlice;
