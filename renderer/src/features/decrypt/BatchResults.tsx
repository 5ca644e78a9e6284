import { selectBatchResult } from '../../actions/batch-actions';
import { shortSource } from '../../lib/batch-view';
import { useBatchStore } from '../../state/batch-store';
import { UnlockIcon } from '../../ui/icons';
import { DecryptResultCard } from './DecryptResultCard';
import { BatchResultList } from './BatchResultList';
import '../../ui/EmptyState.css';
import './BatchResults.css';

/** The row picked in the list, as the same card a pasted capture gets: key facts and plaintext. */
function BatchResultDetail() {
  const result = useBatchStore((s) => (s.selectedIndex === null ? null : (s.results[s.selectedIndex] ?? null)));
  const label = useBatchStore((s) => s.input?.label ?? null);
  return (
    <section className="batch-detail" aria-label="Selected result">
      {result ? (
        <DecryptResultCard result={result} title={shortSource(result.source, label)} />
      ) : (
        <div className="card batch-detail-empty">
          <span className="empty-icon">
            <UnlockIcon />
          </span>
          <p className="muted">Select a result to see the key that matched and the decrypted body.</p>
        </div>
      )}
    </section>
  );
}

/** Master and detail: the virtualised list of every result shown, and the selected one in full. */
export function BatchResults() {
  const results = useBatchStore((s) => s.results);
  const selectedIndex = useBatchStore((s) => s.selectedIndex);
  const label = useBatchStore((s) => s.input?.label ?? null);
  if (results.length === 0) return null;
  return (
    <div className="batch-results">
      <BatchResultList results={results} selectedIndex={selectedIndex} inputLabel={label} onSelect={selectBatchResult} />
      <BatchResultDetail />
    </div>
  );
}
