import { create } from 'zustand';
import type { CustodyErrorShape } from '../../../shared/errors';
import type { VaultSettings } from '../../../shared/settings';

/** The vault's settings as last read for the Settings screen. */
export interface SettingsState {
  settings: VaultSettings | null;
  loading: boolean;
  /** A save or a passphrase change is in flight. */
  saving: boolean;
  error: CustodyErrorShape | null;
}

export const initialSettingsState: SettingsState = { settings: null, loading: false, saving: false, error: null };

export const useSettingsStore = create<SettingsState>()(() => initialSettingsState);
