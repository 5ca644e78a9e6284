import { useMemo } from 'react';
import type { DecryptItemResult } from '../../../../shared/domain';
import { selectBatchResult, setBatchFilter } from '../../actions/batch-actions';
import { selectResult, setResultFilter } from '../../actions/decrypt-actions';
import { shortSource } from '../../lib/batch-view';
import { type ResultFilter, type ResultRow, resultRows } from '../../lib/result-rows';
import { useBatchStore } from '../../state/batch-store';
import { useDecryptStore } from '../../state/decrypt-store';
import { UnlockIcon } from '../../ui/icons';
import { DecryptResultCard } from './DecryptResultCard';
import { ResultFilterChips } from './ResultFilterChips';
import { ResultList } from './ResultList';
import '../../ui/EmptyState.css';
import './ResultsWorkbench.css';

interface WorkbenchProps {
  results: readonly DecryptItemResult[];
  /** The selected result, by its place in `results`. */
  selectedIndex: number | null;
  filter: ResultFilter;
  inputLabel: string | null;
  onSelect: (index: number | null) => void;
  onFilter: (filter: ResultFilter) => void;
}

function ResultDetail({
  results,
  row,
  inputLabel,
}: {
  results: readonly DecryptItemResult[];
  row: ResultRow | null;
  inputLabel: string | null;
}) {
  const result = row === null ? undefined : results[row.index];
  return (
    <section className="result-detail" aria-label="Selected result">
      {row !== null && result !== undefined ? (
        <DecryptResultCard
          result={result}
          title={shortSource(result.source, inputLabel)}
          sameErrors={row.members.map((i) => results[i]?.source ?? '')}
        />
      ) : (
        <div className="card result-detail-empty">
          <span className="empty-icon">
            <UnlockIcon />
          </span>
          <p className="muted">Select a result to see the key that matched and the decrypted body.</p>
        </div>
      )}
    </section>
  );
}

/**
 * Master and detail: filter chips, the virtualised list (identical errors grouped with a count)
 * and the selected result beside it, both in view at once.
 */
function Workbench({ results, selectedIndex, filter, inputLabel, onSelect, onFilter }: WorkbenchProps) {
  const rows = useMemo(() => resultRows(results, filter), [results, filter]);
  const position = selectedIndex === null ? -1 : rows.findIndex((row) => row.members.includes(selectedIndex));
  if (results.length === 0) return null;
  return (
    <div className="results-workbench">
      <ResultFilterChips
        results={results}
        filter={filter}
        onFilter={(next) => {
          onFilter(next);
          onSelect(null);
        }}
      />
      <div className="results-panes">
        <ResultList
          results={results}
          rows={rows}
          selectedIndex={position === -1 ? null : position}
          inputLabel={inputLabel}
          onSelect={(at) => onSelect(rows[at]?.index ?? null)}
        />
        <ResultDetail results={results} row={rows[position] ?? null} inputLabel={inputLabel} />
      </div>
    </div>
  );
}

/** A batch's results (the first ones main sends). */
export function BatchResultsWorkbench() {
  const results = useBatchStore((s) => s.results);
  const selectedIndex = useBatchStore((s) => s.selectedIndex);
  const filter = useBatchStore((s) => s.filter);
  const label = useBatchStore((s) => s.input?.label ?? null);
  return (
    <Workbench
      results={results}
      selectedIndex={selectedIndex}
      filter={filter}
      inputLabel={label}
      onSelect={selectBatchResult}
      onFilter={setBatchFilter}
    />
  );
}

/** A paste's or a few dropped files' results. */
export function PastedResultsWorkbench() {
  const results = useDecryptStore((s) => s.results);
  const selectedIndex = useDecryptStore((s) => s.selectedIndex);
  const filter = useDecryptStore((s) => s.filter);
  return (
    <Workbench
      results={results}
      selectedIndex={selectedIndex}
      filter={filter}
      inputLabel={null}
      onSelect={selectResult}
      onFilter={setResultFilter}
    />
  );
}
