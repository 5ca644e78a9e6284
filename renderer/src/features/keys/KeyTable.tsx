import { memo, useMemo, useRef } from 'react';
import type { KeyInfo, WorkflowSummary } from '../../../../shared/domain';
import { formatDate, formatDateTime, formatFingerprint } from '../../lib/format';
import { keyName } from '../../lib/key-name';
import { viewKeys } from '../../lib/key-table-view';
import { useWorkflowStore } from '../../state/workflow-store';
import { ActiveBadge, DeletionScheduled } from '../../ui/badges';
import { rowsInView, useRowVirtualizer } from '../../ui/useRowVirtualizer';
import { ActiveSinceCell } from './ActiveSinceCell';
import { KeyRowMenu } from './KeyRowMenu';
import { KeyTableToolbar } from './KeyTableToolbar';
import { SortHeader } from './SortHeader';
import '../../ui/key-text.css';
import '../../ui/table.css';
import './KeyTable.css';

const ROW_HEIGHT = 60;

/**
 * ARIA table roles over divs, so rows can be virtualised (ten thousand keys stay cheap) while a
 * screen reader still reads a table with its row count and each row's position. Filtering and
 * sorting work on the list in memory; only the rows in view are rendered.
 */
export function KeyTable({ keys, workflow }: { keys: KeyInfo[]; workflow: WorkflowSummary }) {
  const query = useWorkflowStore((s) => s.keyQuery);
  const shown = useMemo(() => viewKeys(keys, query), [keys, query]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useRowVirtualizer(shown.length, scrollRef, ROW_HEIGHT);
  // Ages are counted from when the keys were read; any change re-reads them.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const now = useMemo(() => new Date(), [keys]);

  return (
    <div className="card table keys-table">
      <KeyTableToolbar shown={shown.length} total={keys.length} />
      <div
        className="table-scroll"
        ref={scrollRef}
        role="table"
        aria-label={`Encryption keys of ${workflow.name || workflow.id}`}
        aria-rowcount={shown.length + 1}
      >
        <div className="table-head" role="rowgroup">
          <div className="table-row" role="row" aria-rowindex={1}>
            <SortHeader column="label">Label</SortHeader>
            <SortHeader column="fingerprint">Fingerprint</SortHeader>
            <SortHeader column="created">Created</SortHeader>
            <SortHeader column="activeSince">Active since</SortHeader>
            <SortHeader column="lastMatched">Last matched</SortHeader>
            <SortHeader column="status">Status</SortHeader>
            <span className="table-cell" role="columnheader">
              <span className="visually-hidden">Actions</span>
            </span>
          </div>
        </div>
        {shown.length === 0 && <p className="table-empty">No key matches these filters.</p>}
        <div className="table-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {rowsInView(virtualizer, shown).map(({ row, item: key }) => (
            <KeyRow key={key.id} keyInfo={key} index={row.index} top={row.start} rotationDays={workflow.rotationDays} now={now} />
          ))}
        </div>
      </div>
    </div>
  );
}

/** One key's row. Memoised: scrolling adds rows at the edges and leaves the others as they are. */
const KeyRow = memo(function KeyRow(props: { keyInfo: KeyInfo; index: number; top: number; rotationDays: number; now: Date }) {
  const { keyInfo: key, index, top, rotationDays, now } = props;
  return (
    <div
      className="table-row"
      role="row"
      aria-rowindex={index + 2}
      data-key-id={key.id}
      style={{ transform: `translateY(${top}px)` }}
    >
      <span className="table-cell table-cell-stack" role="cell">
        <span className="key-label">{keyName(key)}</span>
        <span className="key-sub">{key.origin === 'imported' ? 'Imported' : 'Generated'}</span>
      </span>
      <span className="table-cell mono" role="cell">
        {formatFingerprint(key.fingerprint)}
      </span>
      <span className="table-cell" role="cell" title={formatDateTime(key.createdAt)}>
        {formatDate(key.createdAt)}
      </span>
      <ActiveSinceCell keyInfo={key} rotationDays={rotationDays} now={now} />
      <span className="table-cell" role="cell" title={key.lastMatchedAt ? formatDateTime(key.lastMatchedAt) : undefined}>
        {key.lastMatchedAt ? formatDate(key.lastMatchedAt) : 'Never'}
      </span>
      <span className="table-cell table-cell-stack" role="cell">
        {key.status === 'active' && <ActiveBadge />}
        {key.deletionScheduledFor && <DeletionScheduled at={key.deletionScheduledFor} />}
      </span>
      <span className="table-cell" role="cell">
        <KeyRowMenu keyInfo={key} />
      </span>
    </div>
  );
});
