import type { ResultBudget } from '../../shared/contract';
import type { DecryptItemResult } from '../../shared/domain';

/** What one place (the page, the export) holds of a batch so far. */
export interface BudgetUse {
  results: number;
  plaintextBytes: number;
  /** A result did not fit: none after it is taken either, so what is held stays a prefix. */
  full: boolean;
}

export function unusedBudget(): BudgetUse {
  return { results: 0, plaintextBytes: 0, full: false };
}

/**
 * The first of `results` that still fit in `budget`, counted into `use`. The results arrive in
 * input order, so what a place holds is always the batch's first results, never a gap.
 */
export function takeWithin(results: DecryptItemResult[], use: BudgetUse, budget: ResultBudget): DecryptItemResult[] {
  let taken = 0;
  for (const result of results) {
    if (use.full) break;
    const bytes = result.ok ? result.plaintext.byteLength : 0;
    if (use.results + 1 > budget.results || use.plaintextBytes + bytes > budget.plaintextBytes) {
      use.full = true;
      break;
    }
    use.results++;
    use.plaintextBytes += bytes;
    taken++;
  }
  return taken === results.length ? results : results.slice(0, taken);
}
