import { sortKeysBy } from '../../actions/key-table-actions';
import type { KeySortColumn } from '../../lib/key-table-view';
import { useWorkflowStore } from '../../state/workflow-store';

/** A column header that sorts the key table; aria-sort says which column sorts it, and which way. */
export function SortHeader({ column, children }: { column: KeySortColumn; children: string }) {
  const direction = useWorkflowStore((s) => (s.keyQuery.sort?.column === column ? s.keyQuery.sort.direction : null));
  return (
    <span className="table-cell" role="columnheader" aria-sort={direction ?? undefined}>
      <button type="button" className="sort-button" onClick={() => sortKeysBy(column)}>
        {children}
      </button>
    </span>
  );
}
