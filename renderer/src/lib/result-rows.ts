import type { DecryptItemResult } from '../../../shared/domain';

/** The filter chips over a result list: every result, or one outcome. */
export type ResultFilter = 'all' | ResultOutcome;
export type ResultOutcome = 'decrypted' | 'no-matching-key' | 'malformed' | 'other';

export const OUTCOME_LABELS: Record<ResultOutcome, string> = {
  decrypted: 'Decrypted',
  'no-matching-key': 'No matching key',
  malformed: 'Malformed payload',
  other: 'Other',
};

/** The same outcomes a batch counts (decrypt-chunk.ts): a key matched, none did, not a payload, anything else. */
export function outcomeOf(result: DecryptItemResult): ResultOutcome {
  if (result.ok) return 'decrypted';
  if (result.error.code === 'NO_MATCHING_KEY') return 'no-matching-key';
  if (result.error.code === 'MALFORMED_PAYLOAD') return 'malformed';
  return 'other';
}

export function outcomeCounts(results: readonly DecryptItemResult[]): Record<ResultOutcome, number> {
  const counts: Record<ResultOutcome, number> = { decrypted: 0, 'no-matching-key': 0, malformed: 0, other: 0 };
  for (const result of results) counts[outcomeOf(result)]++;
  return counts;
}

/**
 * One row of the list: a result, or every failure with the same error (code and sentence) at
 * the place of its first, so a thousand "No key matched" read as one row with a count.
 */
export interface ResultRow {
  /** The first result of the row, in input order. */
  index: number;
  /** Every result the row stands for (one, unless identical errors were grouped). */
  members: number[];
}

export function resultRows(results: readonly DecryptItemResult[], filter: ResultFilter): ResultRow[] {
  const rows: ResultRow[] = [];
  const groups = new Map<string, ResultRow>();
  results.forEach((result, index) => {
    if (filter !== 'all' && outcomeOf(result) !== filter) return;
    if (result.ok) {
      rows.push({ index, members: [index] });
      return;
    }
    const key = `${result.error.code}\n${result.error.message}`;
    const group = groups.get(key);
    if (group) {
      group.members.push(index);
      return;
    }
    const row = { index, members: [index] };
    groups.set(key, row);
    rows.push(row);
  });
  return rows;
}
