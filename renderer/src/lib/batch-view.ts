import { BATCH_RESULTS_KEPT, describeBudget } from '../../../shared/contract';
import type { BatchBytes, BatchCounts, DecryptScope } from '../../../shared/domain';
import type { BatchInput } from '../state/batch-store';
import { formatBytes, plural } from './format';

export const INPUT_KIND_LABELS: Record<BatchInput['kind'], string> = {
  files: 'Capture files',
  folder: 'Folder',
  ndjson: 'NDJSON',
  har: 'HAR recording',
  mixed: 'Captures',
  dropped: 'Dropped files',
};

/** A rate is only said once this much time has passed: the first instants say nothing yet. */
const MIN_SECONDS_FOR_RATE = 0.5;

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * The progress line under a batch's bar: bytes read of the total, the rate, and the time left
 * while it runs, when the input's size is known; items done otherwise.
 */
export function progressLine(bytes: BatchBytes | null, done: number, elapsedSeconds: number, running: boolean): string {
  const items = plural(done, 'payload');
  if (bytes === null || bytes.total === null || bytes.total === 0) return `${items} done`;
  const read = `${formatBytes(Math.min(bytes.read, bytes.total))} of ${formatBytes(bytes.total)} read · ${items}`;
  if (!running || elapsedSeconds < MIN_SECONDS_FOR_RATE || bytes.read === 0) return read;
  const rate = bytes.read / elapsedSeconds;
  const left = Math.max(0, bytes.total - bytes.read) / rate;
  return `${read} · ${formatBytes(Math.round(rate))}/s · about ${duration(left)} left`;
}

export function scopeLabel(scope: DecryptScope): string {
  return scope.mode === 'any' ? 'every workflow’s keys' : `keys of ${scope.workflowId}`;
}

/**
 * A source as a row shows it: from the chosen folder or file down (`captures/sub/a.txt`,
 * `session.har#3`), not the whole path; the detail pane shows it in full.
 */
export function shortSource(source: string, inputLabel: string | null): string {
  const parts = source.split(/[\\/]/);
  const from = inputLabel === null ? -1 : parts.lastIndexOf(inputLabel);
  if (from >= 0 && from < parts.length - 1) return parts.slice(from).join('/');
  return parts.at(-1) || source;
}

/** The one-line summary read out when a batch ends. */
export function batchSummary(counts: BatchCounts, cancelled: boolean): string {
  const outcome = `${counts.decrypted.toLocaleString()} decrypted, ${counts.noMatchingKey.toLocaleString()} no matching key, ${counts.malformed.toLocaleString()} malformed, ${counts.otherErrors.toLocaleString()} other`;
  if (!cancelled) return `Finished: ${plural(counts.done, 'payload')} — ${outcome}.`;
  const of = counts.total === null ? '' : ` of ${counts.total.toLocaleString()}`;
  return `Cancelled after ${counts.done.toLocaleString()}${of} ${counts.done === 1 && counts.total === null ? 'payload' : 'payloads'} — ${outcome}.`;
}

/**
 * What a finished batch says when the page lists fewer results than it has: main sends the first
 * ones up to a count and a size of decrypted bodies, and keeps more for export, up to its own.
 */
export function unlistedNote(done: number, listed: number, exportable: boolean): string | null {
  if (done <= listed) return null;
  const shown =
    listed === 0
      ? 'None are listed here, their decrypted bodies being too large to show'
      : `The first ${listed.toLocaleString()} are listed here`;
  return `${shown}; ${
    exportable
      ? 'the export holds all of them.'
      : `the app keeps at most ${describeBudget(BATCH_RESULTS_KEPT)} for export, so decrypt a batch this large with “custody decrypt --output FILE”.`
  }`;
}
