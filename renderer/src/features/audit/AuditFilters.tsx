import { useMemo } from 'react';
import type { AuditAction } from '../../../../shared/domain';
import { clearAuditFilter, setAuditFilter } from '../../actions/audit-actions';
import { AUDIT_ACTION_LABELS } from '../../lib/audit-labels';
import { auditChoices, isFiltered } from '../../lib/audit-view';
import { plural } from '../../lib/format';
import { useAuditStore } from '../../state/audit-store';
import './AuditFilters.css';

/** Filters over the log by workflow, action and date, and how many entries they leave. */
export function AuditFilters({ shown }: { shown: number }) {
  const entries = useAuditStore((s) => s.entries);
  const filter = useAuditStore((s) => s.filter);
  const choices = useMemo(() => auditChoices(entries), [entries]);
  const actions = useMemo(
    () => [...choices.actions].sort((a, b) => AUDIT_ACTION_LABELS[a].localeCompare(AUDIT_ACTION_LABELS[b])),
    [choices],
  );
  const filtered = isFiltered(filter);
  return (
    <div className="audit-filters" role="search" aria-label="Filter the audit log">
      <label className="audit-filter">
        <span>Workflow</span>
        <select value={filter.workflowId} onChange={(event) => setAuditFilter({ workflowId: event.target.value })}>
          <option value="">All workflows</option>
          {choices.workflowIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filter">
        <span>Action</span>
        <select value={filter.action} onChange={(event) => setAuditFilter({ action: event.target.value as AuditAction | '' })}>
          <option value="">All actions</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {AUDIT_ACTION_LABELS[action]}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filter">
        <span>From</span>
        <input
          type="date"
          value={filter.from}
          max={filter.to || undefined}
          onChange={(e) => setAuditFilter({ from: e.target.value })}
        />
      </label>
      <label className="audit-filter">
        <span>To</span>
        <input
          type="date"
          value={filter.to}
          min={filter.from || undefined}
          onChange={(e) => setAuditFilter({ to: e.target.value })}
        />
      </label>
      <span className="audit-count" role="status">
        {filtered
          ? `${shown.toLocaleString()} of ${plural(entries.length, 'entry', 'entries')}`
          : plural(entries.length, 'entry', 'entries')}
      </span>
      {filtered && (
        <button type="button" className="button button-small" onClick={clearAuditFilter}>
          Clear filters
        </button>
      )}
    </div>
  );
}
