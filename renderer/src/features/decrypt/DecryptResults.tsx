import { plural } from '../../lib/format';
import { useDecryptStore } from '../../state/decrypt-store';
import { DecryptResultCard } from './DecryptResultCard';
import './DecryptResultCard.css';

export function DecryptResults() {
  const results = useDecryptStore((s) => s.results);
  if (results.length === 0) return null;
  const decrypted = results.filter((r) => r.ok).length;
  return (
    <section className="results" aria-labelledby="results-heading">
      <h2 className="section-title" id="results-heading">
        Results
      </h2>
      <p className="muted" role="status">
        {plural(results.length, 'payload')}: {decrypted} decrypted, {results.length - decrypted} failed.
      </p>
      {results.map((result, index) => (
        <DecryptResultCard key={`${index}:${result.source}`} result={result} />
      ))}
    </section>
  );
}
