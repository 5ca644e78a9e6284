import type { KeyInfo } from '../../../shared/domain';
import { rotationAge } from '../../../shared/rotation';
import { keyName } from './key-name';

export type KeyStatusFilter = 'all' | 'active' | 'inactive' | 'scheduled';
export type KeySortColumn = 'label' | 'fingerprint' | 'created' | 'activeSince' | 'lastMatched' | 'status';
export type SortDirection = 'ascending' | 'descending';
export interface KeySort {
  column: KeySortColumn;
  direction: SortDirection;
}

export interface KeyTableQuery {
  text: string;
  status: KeyStatusFilter;
  /** Null: R10's order, as the core lists them (the active key first, then the newest). */
  sort: KeySort | null;
}

export const DEFAULT_KEY_QUERY: KeyTableQuery = { text: '', status: 'all', sort: null };

export const KEY_STATUS_FILTERS: Record<KeyStatusFilter, string> = {
  all: 'All statuses',
  active: 'Active',
  inactive: 'Inactive',
  scheduled: 'Deletion scheduled',
};

function statusOf(key: KeyInfo): Exclude<KeyStatusFilter, 'all'> {
  if (key.deletionScheduledFor !== null) return 'scheduled';
  return key.status;
}

/** Matches the name a person sees, or the fingerprint typed with or without its spaces. */
function matchesText(key: KeyInfo, needle: string): boolean {
  if (keyName(key).toLowerCase().includes(needle)) return true;
  const hex = needle.replace(/\s+/g, '');
  return hex !== '' && key.fingerprint.includes(hex);
}

const STATUS_ORDER: Record<Exclude<KeyStatusFilter, 'all'>, number> = { active: 0, inactive: 1, scheduled: 2 };
/** A missing time (never activated, never matched) sorts as the oldest. */
const timeOf = (iso: string | null) => (iso === null ? -Infinity : Date.parse(iso));

/** One collator for every comparison: `localeCompare` with options builds a new one per call. */
const labels = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const COMPARE: Record<KeySortColumn, (a: KeyInfo, b: KeyInfo) => number> = {
  label: (a, b) => labels.compare(keyName(a), keyName(b)),
  fingerprint: (a, b) => a.fingerprint.localeCompare(b.fingerprint),
  created: (a, b) => timeOf(a.createdAt) - timeOf(b.createdAt),
  activeSince: (a, b) => timeOf(activeSince(a)) - timeOf(activeSince(b)),
  lastMatched: (a, b) => timeOf(a.lastMatchedAt) - timeOf(b.lastMatchedAt),
  status: (a, b) => STATUS_ORDER[statusOf(a)] - STATUS_ORDER[statusOf(b)],
};

/** When the key became the active key; null unless it is active now. */
export function activeSince(key: KeyInfo): string | null {
  return key.status === 'active' ? key.activatedAt : null;
}

/** The keys the table shows: filtered by text and status, then sorted (stable, so ties keep R10's order). */
export function viewKeys(keys: readonly KeyInfo[], query: KeyTableQuery): readonly KeyInfo[] {
  const needle = query.text.trim().toLowerCase();
  const shown =
    needle === '' && query.status === 'all'
      ? keys
      : keys.filter((k) => (query.status === 'all' || statusOf(k) === query.status) && (needle === '' || matchesText(k, needle)));
  const { sort } = query;
  if (sort === null) return shown;
  const compare = COMPARE[sort.column];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...shown].sort((a, b) => sign * compare(a, b));
}

/** A header click: a new column sorts ascending, the same column flips. */
export function nextSort(current: KeySort | null, column: KeySortColumn): KeySort {
  if (current?.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: 'ascending' };
}

/** R12 in the key table's words: "12 days (due in 78)", "95 days (due 5 days ago)". */
export function activeAgeText(activatedAt: string, rotationDays: number, now: Date): { text: string; due: boolean } {
  const age = rotationAge(activatedAt, rotationDays, now);
  const days = `${age.daysActive.toLocaleString()} ${age.daysActive === 1 ? 'day' : 'days'}`;
  if (!age.due) return { text: `${days} (due in ${age.daysLeft.toLocaleString()})`, due: false };
  const over = Math.max(1, -age.daysLeft);
  return { text: `${days} (due ${over.toLocaleString()} ${over === 1 ? 'day' : 'days'} ago)`, due: true };
}
