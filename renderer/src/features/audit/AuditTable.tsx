import { useRef } from 'react';
import type { AuditEntry } from '../../../../shared/domain';
import { AUDIT_ACTION_LABELS, auditDetails } from '../../lib/audit-labels';
import { formatAuditTime, formatFingerprint } from '../../lib/format';
import { rowsInView, useRowVirtualizer } from '../../ui/useRowVirtualizer';
import '../../ui/table.css';
import './AuditTable.css';

const ROW_HEIGHT = 44;
const COLUMNS = ['#', 'Time', 'Action', 'Workflow', 'Key fingerprint', 'User', 'Details'];

/** Newest first, virtualised: the log only grows. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useRowVirtualizer(entries.length, scrollRef, ROW_HEIGHT);
  return (
    <div className="card table audit-table">
      {/* Focusable: the log has nothing else to tab to, and a keyboard must be able to scroll it. */}
      <div
        className="table-scroll"
        ref={scrollRef}
        role="table"
        aria-label="Audit log entries, newest first"
        aria-rowcount={entries.length + 1}
        tabIndex={0}
      >
        <div className="table-head" role="rowgroup">
          <div className="table-row" role="row" aria-rowindex={1}>
            {COLUMNS.map((name) => (
              <span key={name} className="table-cell" role="columnheader">
                {name}
              </span>
            ))}
          </div>
        </div>
        <div className="table-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {rowsInView(virtualizer, entries).map(({ row, item: entry }) => {
            const details = auditDetails(entry);
            return (
              <div
                key={entry.seq}
                className="table-row"
                role="row"
                aria-rowindex={row.index + 2}
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <span className="table-cell mono" role="cell">
                  {entry.seq}
                </span>
                <span className="table-cell mono" role="cell" title={entry.time}>
                  {formatAuditTime(entry.time)}
                </span>
                <span className="table-cell" role="cell">
                  {AUDIT_ACTION_LABELS[entry.action]}
                </span>
                <span className="table-cell mono" role="cell" title={entry.workflowId ?? undefined}>
                  {entry.workflowId ?? '—'}
                </span>
                <span className="table-cell mono" role="cell" title={entry.keyId ?? undefined}>
                  {entry.fingerprint ? formatFingerprint(entry.fingerprint) : '—'}
                </span>
                <span className="table-cell" role="cell">
                  {entry.user}
                </span>
                <span className="table-cell muted" role="cell" title={details}>
                  {details || '—'}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
