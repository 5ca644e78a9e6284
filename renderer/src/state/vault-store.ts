import { create } from 'zustand';
import type { VaultStatus } from '../../../shared/domain';

/** `checking` is the app's first question to main, before any answer came back. */
export type VaultPhase = { state: 'checking' } | VaultStatus;

export interface VaultState {
  status: VaultPhase;
  /** A Retry or Create vault is in flight. */
  busy: boolean;
}

export const initialVaultState: VaultState = { status: { state: 'checking' }, busy: false };

export const useVaultStore = create<VaultState>()(() => initialVaultState);
