import { useEffect, useMemo, useRef } from 'react';
import type { AuditEntry } from '../../../../shared/domain';
import { AUDIT_ACTION_LABELS, auditDetails } from '../../lib/audit-labels';
import { chainBreak, filterAudit } from '../../lib/audit-view';
import { formatFingerprint, formatZonedTime } from '../../lib/format';
import { useAuditStore } from '../../state/audit-store';
import { ShieldAlertIcon } from '../../ui/icons';
import { rowsInView, useRowVirtualizer } from '../../ui/useRowVirtualizer';
import { AuditFilters } from './AuditFilters';
import '../../ui/table.css';
import './AuditTable.css';

const ROW_HEIGHT = 44;
const COLUMNS = ['#', 'Time', 'Action', 'Workflow', 'Key fingerprint', 'User', 'Details'];

/**
 * Newest first, virtualised: the log only grows. Rows wrap, so a long workflow id or details are
 * read in full; each row is measured once it is drawn.
 */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const filter = useAuditStore((s) => s.filter);
  const verification = useAuditStore((s) => s.verification);
  const showBreakRequest = useAuditStore((s) => s.showBreakRequest);
  const shown = useMemo(() => filterAudit(entries, filter), [entries, filter]);
  const broken = useMemo(() => chainBreak(entries, verification), [entries, verification]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useRowVirtualizer(shown.length, scrollRef, ROW_HEIGHT, (index) => shown[index]?.seq ?? index);

  const brokenIndex = broken === null ? -1 : shown.findIndex((e) => e.seq === broken.seq);
  useEffect(() => {
    if (showBreakRequest > 0 && brokenIndex >= 0) virtualizer.scrollToIndex(brokenIndex, { align: 'center' });
    // Only a new request scrolls; a refresh or a filter change leaves the view where the person put it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [showBreakRequest]);

  return (
    <div className="card table audit-table">
      <AuditFilters shown={shown.length} />
      {/* Focusable: the log has nothing else to tab to, and a keyboard must be able to scroll it. */}
      <div
        className="table-scroll"
        ref={scrollRef}
        role="table"
        aria-label="Audit log entries, newest first"
        aria-rowcount={shown.length + 1}
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
        {shown.length === 0 && <p className="table-empty">No entry matches these filters.</p>}
        <div className="table-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {rowsInView(virtualizer, shown).map(({ row, item: entry }) => {
            const details = auditDetails(entry);
            const breaksHere = broken?.seq === entry.seq;
            return (
              <div
                key={entry.seq}
                ref={virtualizer.measureElement}
                data-index={row.index}
                className={breaksHere ? 'table-row audit-row-broken' : 'table-row'}
                role="row"
                aria-rowindex={row.index + 2}
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <span className="table-cell mono" role="cell">
                  {breaksHere && <ShieldAlertIcon />}
                  {entry.seq}
                </span>
                <span className="table-cell mono" role="cell">
                  {formatZonedTime(entry.time)}
                </span>
                <span className="table-cell" role="cell">
                  {AUDIT_ACTION_LABELS[entry.action]}
                </span>
                <span className="table-cell mono" role="cell">
                  {entry.workflowId ?? '—'}
                </span>
                <span className="table-cell mono" role="cell" title={entry.keyId ?? undefined}>
                  {entry.fingerprint ? formatFingerprint(entry.fingerprint) : '—'}
                </span>
                <span className="table-cell" role="cell">
                  {entry.user}
                </span>
                <span className="table-cell muted" role="cell">
                  {details || '—'}
                </span>
                {breaksHere && (
                  <span className="table-cell audit-break-note" role="cell" aria-colspan={COLUMNS.length}>
                    {broken.sentence}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
