import { useMemo } from 'react';
import type { AuditAction } from '../../../../shared/domain';
import { clearAuditFilter, setAuditFilter } from '../../actions/audit-actions';
import { AUDIT_ACTION_LABELS } from '../../lib/audit-labels';
import { auditChoices, isFiltered } from '../../lib/audit-view';
import { plural } from '../../lib/format';
import { useAuditStore } from '../../state/audit-store';
import './AuditFilters.css';

function DayInput(props: { bound: 'from' | 'to'; value: string; limit: { min?: string; max?: string } }) {
  const { bound, value, limit } = props;
  return (
    <input
      type="date"
      value={value}
      min={limit.min || undefined}
      max={limit.max || undefined}
      onChange={(event) => setAuditFilter({ [bound]: event.target.value })}
    />
  );
}

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
      {/* Each bound keeps the other in range: From no later than To. */}
      <label className="audit-filter">
        <span>From</span>
        <DayInput bound="from" value={filter.from} limit={{ max: filter.to }} />
      </label>
      <label className="audit-filter">
        <span>To</span>
        <DayInput bound="to" value={filter.to} limit={{ min: filter.from }} />
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
