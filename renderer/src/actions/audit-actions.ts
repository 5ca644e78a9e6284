import { custody } from '../client/custody';
import { type AuditFilter, NO_AUDIT_FILTER } from '../lib/audit-view';
import { useAuditStore } from '../state/audit-store';
import { useNavigationStore } from '../state/navigation-store';
import { latestRequest } from './latest-request';
import { showScreen } from './navigation-actions';
import { notify } from './notify';
import { reportFailure } from './vault-actions';

const auditRequest = latestRequest();

export async function loadAudit(): Promise<void> {
  const isLatest = auditRequest();
  useAuditStore.setState({ loading: true });
  const [entries, verification] = await Promise.all([custody().audit.list(), custody().audit.verify()]);
  if (!isLatest()) return;
  const failure = !entries.ok ? entries.error : !verification.ok ? verification.error : null;
  useAuditStore.setState({
    loading: false,
    loaded: true,
    error: failure,
    entries: entries.ok ? [...entries.value].reverse() : [],
    verification: verification.ok ? verification.value : null,
  });
  if (failure) reportFailure(failure);
}

export function loadAuditIfShown(): Promise<void> | null {
  return useNavigationStore.getState().screen === 'audit' ? loadAudit() : null;
}

export function openAudit(): void {
  showScreen('audit');
  void loadAudit();
}

export async function exportAudit(): Promise<void> {
  useAuditStore.setState({ exporting: true });
  const result = await custody().audit.export();
  useAuditStore.setState({ exporting: false });
  if (!result.ok) return reportFailure(result.error);
  if (result.value.path !== null) notify.success('Audit log exported', result.value.path);
}

export function setAuditFilter(changes: Partial<AuditFilter>): void {
  useAuditStore.setState((s) => ({ filter: { ...s.filter, ...changes } }));
}

export function clearAuditFilter(): void {
  useAuditStore.setState({ filter: NO_AUDIT_FILTER });
}

/** Clears the filters, so the broken entry is listed, and asks the table to scroll to it. */
export function showChainBreak(): void {
  useAuditStore.setState((s) => ({ filter: NO_AUDIT_FILTER, showBreakRequest: s.showBreakRequest + 1 }));
}
