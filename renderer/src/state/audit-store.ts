import { create } from 'zustand';
import type { AuditEntry, AuditVerification } from '../../../shared/domain';
import type { CustodyErrorShape } from '../../../shared/errors';
import { type AuditFilter, NO_AUDIT_FILTER } from '../lib/audit-view';

export interface AuditState {
  /** Newest first. */
  entries: AuditEntry[];
  verification: AuditVerification | null;
  loaded: boolean;
  loading: boolean;
  error: CustodyErrorShape | null;
  exporting: boolean;
  filter: AuditFilter;
  /** Bumped by "Show the entry": the table scrolls the broken entry into view each time it changes. */
  showBreakRequest: number;
}

export const initialAuditState: AuditState = {
  entries: [],
  verification: null,
  loaded: false,
  loading: false,
  error: null,
  exporting: false,
  filter: NO_AUDIT_FILTER,
  showBreakRequest: 0,
};

export const useAuditStore = create<AuditState>()(() => initialAuditState);
