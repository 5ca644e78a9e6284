import { BATCH_RESULTS_KEPT, describeBudget } from '../../../shared/contract';
import type { BatchCounts, DecryptScope } from '../../../shared/domain';
import type { BatchInput } from '../state/batch-store';
import { plural } from './format';

export const INPUT_KIND_LABELS: Record<BatchInput['kind'], string> = {
  files: 'Capture files',
  folder: 'Folder',
  ndjson: 'NDJSON',
  har: 'HAR recording',
  dropped: 'Dropped files',
};

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
