import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useRef } from 'react';
import type { DecryptItemResult } from '../../../../shared/domain';
import type { ResultRow as Row } from '../../lib/result-rows';
import { rowsInView } from '../../ui/useRowVirtualizer';
import { ResultRow, rowHasMeta } from './ResultRow';
import './ResultList.css';

const ROW_HEIGHT = 62;
/** A HAR entry's row has a line more: its time and URL. */
const ROW_HEIGHT_WITH_META = 80;
const PAGE_ROWS = 6;

const optionId = (index: number) => `result-row-${index}`;

interface ResultListProps {
  results: readonly DecryptItemResult[];
  /** What the list shows: results, or identical errors grouped (result-rows.ts). */
  rows: readonly Row[];
  /** The selected row's place in `rows`. */
  selectedIndex: number | null;
  inputLabel: string | null;
  onSelect: (row: number) => void;
}

/**
 * A listbox (arrow keys, Home, End, Page Up/Down) over ten thousand results, virtualised: only
 * the rows in view exist in the DOM, plus the selected one, so aria-activedescendant always
 * names a real element.
 */
export function ResultList({ results, rows, selectedIndex, inputLabel, onSelect }: ResultListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rangeExtractor = useCallback(
    (range: Parameters<typeof defaultRangeExtractor>[0]) => {
      const indexes = defaultRangeExtractor(range);
      if (selectedIndex === null || indexes.includes(selectedIndex)) return indexes;
      return [...indexes, selectedIndex].sort((a, b) => a - b);
    },
    [selectedIndex],
  );
  // No React Compiler runs on this code, so the virtualizer's unmemoisable functions are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const row = rows[index];
      const result = row === undefined ? undefined : results[row.index];
      return result !== undefined && rowHasMeta(result) ? ROW_HEIGHT_WITH_META : ROW_HEIGHT;
    },
    overscan: 8,
    rangeExtractor,
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    onSelect(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = selectedIndex ?? -1;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: selectedIndex === null ? 0 : current - 1,
      Home: 0,
      End: rows.length - 1,
      PageDown: current + PAGE_ROWS,
      PageUp: current - PAGE_ROWS,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  return (
    <div className="card result-list">
      <div
        className="result-list-scroll"
        ref={scrollRef}
        role="listbox"
        aria-label={`Results, ${rows.length.toLocaleString()} in input order`}
        aria-activedescendant={selectedIndex === null ? undefined : optionId(selectedIndex)}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div className="result-list-body" role="presentation" style={{ height: virtualizer.getTotalSize() }}>
          {rowsInView(virtualizer, rows).map(({ row, item }) => {
            const result = results[item.index];
            if (result === undefined) return null;
            return (
              <div
                key={row.index}
                id={optionId(row.index)}
                className="result-row"
                role="option"
                aria-selected={row.index === selectedIndex}
                aria-posinset={row.index + 1}
                aria-setsize={rows.length}
                onClick={() => onSelect(row.index)}
                style={{ transform: `translateY(${row.start}px)`, height: row.size }}
              >
                <ResultRow result={result} count={item.members.length} inputLabel={inputLabel} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
