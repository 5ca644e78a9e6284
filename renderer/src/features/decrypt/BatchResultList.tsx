import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useRef } from 'react';
import type { DecryptItemResult } from '../../../../shared/domain';
import { rowsInView } from '../../ui/useRowVirtualizer';
import { BatchResultRow, rowHasMeta } from './BatchResultRow';
import './BatchResultList.css';

const ROW_HEIGHT = 62;
/** A HAR entry's row has a line more: its time and URL. */
const ROW_HEIGHT_WITH_META = 80;
const PAGE_ROWS = 6;

const optionId = (index: number) => `batch-result-${index}`;

interface BatchResultListProps {
  results: readonly DecryptItemResult[];
  selectedIndex: number | null;
  inputLabel: string | null;
  onSelect: (index: number) => void;
}

/**
 * A listbox (arrow keys, Home, End, Page Up/Down) over ten thousand results, virtualised: only
 * the rows in view exist in the DOM, plus the selected one, so aria-activedescendant always
 * names a real element.
 */
export function BatchResultList({ results, selectedIndex, inputLabel, onSelect }: BatchResultListProps) {
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
    count: results.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const result = results[index];
      return result !== undefined && rowHasMeta(result) ? ROW_HEIGHT_WITH_META : ROW_HEIGHT;
    },
    overscan: 8,
    rangeExtractor,
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(results.length - 1, index));
    onSelect(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = selectedIndex ?? -1;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: selectedIndex === null ? 0 : current - 1,
      Home: 0,
      End: results.length - 1,
      PageDown: current + PAGE_ROWS,
      PageUp: current - PAGE_ROWS,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  return (
    <div className="card batch-list">
      <div
        className="batch-list-scroll"
        ref={scrollRef}
        role="listbox"
        aria-label={`Results, ${results.length.toLocaleString()} in input order`}
        aria-activedescendant={selectedIndex === null ? undefined : optionId(selectedIndex)}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div className="batch-list-body" role="presentation" style={{ height: virtualizer.getTotalSize() }}>
          {rowsInView(virtualizer, results).map(({ row, item: result }) => (
            <div
              key={row.index}
              id={optionId(row.index)}
              className="batch-row"
              role="option"
              aria-selected={row.index === selectedIndex}
              aria-posinset={row.index + 1}
              aria-setsize={results.length}
              onClick={() => onSelect(row.index)}
              style={{ transform: `translateY(${row.start}px)`, height: row.size }}
            >
              <BatchResultRow result={result} inputLabel={inputLabel} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
