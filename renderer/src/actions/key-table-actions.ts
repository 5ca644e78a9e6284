import type { KeySortColumn, KeyTableQuery } from '../lib/key-table-view';
import { nextSort } from '../lib/key-table-view';
import { useWorkflowStore } from '../state/workflow-store';

export function setKeyQuery(changes: Partial<Omit<KeyTableQuery, 'sort'>>): void {
  useWorkflowStore.setState((s) => ({ keyQuery: { ...s.keyQuery, ...changes } }));
}

export function sortKeysBy(column: KeySortColumn): void {
  useWorkflowStore.setState((s) => ({ keyQuery: { ...s.keyQuery, sort: nextSort(s.keyQuery.sort, column) } }));
}
