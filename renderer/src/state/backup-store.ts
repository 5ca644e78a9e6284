import { create } from 'zustand';
import type { BackupStatus } from '../../../shared/domain';

/** R16: when the vault was last backed up, as last read; null until read (and after a lock). */
export interface BackupState {
  status: BackupStatus | null;
}

export const initialBackupState: BackupState = { status: null };

export const useBackupStore = create<BackupState>()(() => initialBackupState);
