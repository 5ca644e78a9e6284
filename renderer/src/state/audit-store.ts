import { create } from 'zustand';
import type { AuditEntry, AuditVerification } from '../../../shared/domain';
import type { CustodyErrorShape } from '../../../shared/errors';

export interface AuditState {
  /** Newest first. */
  entries: AuditEntry[];
  verification: AuditVerification | null;
  loaded: boolean;
  loading: boolean;
  error: CustodyErrorShape | null;
  exporting: boolean;
}

export const initialAuditState: AuditState = {
  entries: [],
  verification: null,
  loaded: false,
  loading: false,
  error: null,
  exporting: false,
};

export const useAuditStore = create<AuditState>()(() => initialAuditState);
