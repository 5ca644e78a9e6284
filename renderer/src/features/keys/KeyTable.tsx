import { useRef } from 'react';
import type { KeyInfo, WorkflowSummary } from '../../../../shared/domain';
import { formatDateTime, formatFingerprint } from '../../lib/format';
import { keyName } from '../../lib/key-name';
import { ActiveBadge, DeletionScheduled } from '../../ui/badges';
import { KeyRowMenu } from './KeyRowMenu';
import { rowsInView, useRowVirtualizer } from '../../ui/useRowVirtualizer';
import '../../ui/key-text.css';
import '../../ui/table.css';
import './KeyTable.css';

const ROW_HEIGHT = 60;

/**
 * ARIA table roles over divs, so rows can be virtualised (ten thousand keys stay cheap) while a
 * screen reader still reads a table with its row count and each row's position.
 */
export function KeyTable({ keys, workflow }: { keys: KeyInfo[]; workflow: WorkflowSummary }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useRowVirtualizer(keys.length, scrollRef, ROW_HEIGHT);

  return (
    <div className="card table keys-table">
      <div
        className="table-scroll"
        ref={scrollRef}
        role="table"
        aria-label={`Encryption keys of ${workflow.name || workflow.id}`}
        aria-rowcount={keys.length + 1}
      >
        <div className="table-head" role="rowgroup">
          <div className="table-row" role="row" aria-rowindex={1}>
            <span className="table-cell" role="columnheader">
              Label
            </span>
            <span className="table-cell" role="columnheader">
              Fingerprint
            </span>
            <span className="table-cell" role="columnheader">
              Created
            </span>
            <span className="table-cell" role="columnheader">
              Last matched
            </span>
            <span className="table-cell" role="columnheader">
              Status
            </span>
            <span className="table-cell" role="columnheader">
              <span className="visually-hidden">Actions</span>
            </span>
          </div>
        </div>
        <div className="table-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {rowsInView(virtualizer, keys).map(({ row, item: key }) => {
            return (
              <div
                key={key.id}
                className="table-row"
                role="row"
                aria-rowindex={row.index + 2}
                data-key-id={key.id}
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <span className="table-cell table-cell-stack" role="cell">
                  <span className="key-label">{keyName(key)}</span>
                  <span className="key-sub">{key.origin === 'imported' ? 'Imported' : 'Generated'}</span>
                </span>
                <span className="table-cell mono" role="cell">
                  {formatFingerprint(key.fingerprint)}
                </span>
                <span className="table-cell" role="cell">
                  {formatDateTime(key.createdAt)}
                </span>
                <span className="table-cell" role="cell">
                  {formatDateTime(key.lastMatchedAt)}
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
          })}
        </div>
      </div>
    </div>
  );
}
