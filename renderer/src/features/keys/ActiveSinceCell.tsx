import type { KeyInfo } from '../../../../shared/domain';
import { formatDate, formatDateTime } from '../../lib/format';
import { activeAgeText, activeSince } from '../../lib/key-table-view';

/** R12 on the key's row: since when it is the active key, how long that is, and when rotation is due. */
export function ActiveSinceCell({ keyInfo, rotationDays, now }: { keyInfo: KeyInfo; rotationDays: number; now: Date }) {
  const since = activeSince(keyInfo);
  if (since === null) {
    return (
      <span className="table-cell muted" role="cell">
        —
      </span>
    );
  }
  const age = activeAgeText(since, rotationDays, now);
  return (
    <span className="table-cell table-cell-stack" role="cell">
      <span title={formatDateTime(since)}>
        {formatDate(since)}
        <span className="visually-hidden"> · </span>
      </span>
      <span className={age.due ? 'key-sub key-age key-age-due' : 'key-sub key-age'}>{age.text}</span>
    </span>
  );
}
