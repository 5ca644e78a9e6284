import type { DecryptItemResult } from '../../../../shared/domain';
import { ERROR_TITLES } from '../../client/error-titles';
import { OUTCOME_LABELS, outcomeOf } from '../../lib/result-rows';

/** A result's outcome in words ("No matching key", "Malformed payload"); the code itself is in the detail. */
export function OutcomeBadge({ result }: { result: DecryptItemResult }) {
  if (result.ok) return <span className="badge badge-active">Decrypted</span>;
  const outcome = outcomeOf(result);
  return (
    <span className="badge badge-danger">{outcome === 'other' ? ERROR_TITLES[result.error.code] : OUTCOME_LABELS[outcome]}</span>
  );
}
