import { type VirtualItem, type Virtualizer, useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/**
 * Fixed-height rows in a scrolling element: only the rows in view (and a few either side) exist
 * in the DOM, so a thousand workflows or ten thousand keys cost what twenty do.
 */
export function useRowVirtualizer(
  count: number,
  scrollRef: RefObject<HTMLElement | null>,
  rowHeight: number,
  /** For rows measured as drawn: a key per item, so a measured height follows its item when a filter moves it. */
  itemKey?: (index: number) => number | string,
): Virtualizer<HTMLElement, Element> {
  // No React Compiler runs on this code, so the virtualizer's unmemoisable functions are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    ...(itemKey ? { getItemKey: itemKey } : {}),
  });
}

/** The rows in view, each with the item it shows (the virtualizer counts `items`, so each row has one). */
export function rowsInView<T>(
  virtualizer: { getVirtualItems(): VirtualItem[] },
  items: readonly T[],
): { row: VirtualItem; item: T }[] {
  return virtualizer.getVirtualItems().flatMap((row) => {
    const item = items[row.index];
    return item === undefined ? [] : [{ row, item }];
  });
}
