import type { DecryptItemResult } from '../../../../shared/domain';
import { OUTCOME_LABELS, type ResultFilter, type ResultOutcome, outcomeCounts } from '../../lib/result-rows';
import './ResultFilterChips.css';

const OUTCOMES = Object.keys(OUTCOME_LABELS) as ResultOutcome[];

/** Chips that narrow the list to one outcome, each with its count; pressed again, they show every result. */
export function ResultFilterChips({
  results,
  filter,
  onFilter,
}: {
  results: readonly DecryptItemResult[];
  filter: ResultFilter;
  onFilter: (filter: ResultFilter) => void;
}) {
  const counts = outcomeCounts(results);
  return (
    <div className="filter-chips" role="group" aria-label="Show results">
      <button type="button" className="chip" aria-pressed={filter === 'all'} onClick={() => onFilter('all')}>
        All <span className="chip-count">{results.length.toLocaleString()}</span>
      </button>
      {OUTCOMES.map((outcome) => (
        <button
          key={outcome}
          type="button"
          className="chip"
          data-outcome={outcome}
          aria-pressed={filter === outcome}
          disabled={counts[outcome] === 0 && filter !== outcome}
          onClick={() => onFilter(filter === outcome ? 'all' : outcome)}
        >
          {OUTCOME_LABELS[outcome]} <span className="chip-count">{counts[outcome].toLocaleString()}</span>
        </button>
      ))}
    </div>
  );
}
