import type { BatchCounts } from '../../../../shared/domain';
import './BatchStats.css';

/** The counts of a batch, updated as it runs; the progress bar is what a screen reader follows. */
export function BatchStats({ counts }: { counts: BatchCounts }) {
  const stats: ReadonlyArray<{ label: string; value: string; tone?: 'good' | 'bad' }> = [
    {
      label: 'Done',
      value:
        counts.total === null
          ? counts.done.toLocaleString()
          : `${counts.done.toLocaleString()} / ${counts.total.toLocaleString()}`,
    },
    { label: 'Decrypted', value: counts.decrypted.toLocaleString(), tone: counts.decrypted > 0 ? 'good' : undefined },
    {
      label: 'No matching key',
      value: counts.noMatchingKey.toLocaleString(),
      tone: counts.noMatchingKey > 0 ? 'bad' : undefined,
    },
    { label: 'Malformed', value: counts.malformed.toLocaleString(), tone: counts.malformed > 0 ? 'bad' : undefined },
    { label: 'Other errors', value: counts.otherErrors.toLocaleString(), tone: counts.otherErrors > 0 ? 'bad' : undefined },
  ];
  return (
    <dl className="batch-stats">
      {stats.map((stat) => (
        <div key={stat.label} className="batch-stat" data-tone={stat.tone}>
          <dt>{stat.label}</dt>
          <dd>{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
