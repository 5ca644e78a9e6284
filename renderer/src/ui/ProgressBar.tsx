import './ProgressBar.css';

/**
 * A progress bar a screen reader reads as one: with a known total it says how far along it is;
 * without one (NDJSON and HAR are counted while read) it is indeterminate and says how many are done.
 */
export function ProgressBar({
  label,
  done,
  total,
  stopped = false,
  valueText,
}: {
  label: string;
  done: number;
  total: number | null;
  /** Cancelled before the end: drawn as stopped where it stopped, not as complete. */
  stopped?: boolean;
  /** What a screen reader says of the value, when "done of total" is not the words (bytes). */
  valueText?: string;
}) {
  const known = total !== null && total > 0;
  const percent = known ? Math.min(100, (done / total) * 100) : 0;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={known ? 0 : undefined}
      aria-valuemax={known ? total : undefined}
      aria-valuenow={known ? done : undefined}
      aria-valuetext={
        valueText ?? (known ? `${done.toLocaleString()} of ${total.toLocaleString()}` : `${done.toLocaleString()} done`)
      }
      data-indeterminate={!known}
      data-stopped={stopped}
    >
      {/* Width through the CSSOM, which the CSP allows (an inline style attribute in markup it would not). */}
      <span className="progress-fill" style={known ? { width: `${percent}%` } : undefined} />
    </div>
  );
}
