import { useEffect, useRef } from 'react';
import { cancelBatch } from '../../actions/batch-actions';
import { discardBatch } from '../../actions/discard-batch';
import { INPUT_KIND_LABELS, batchSummary, progressLine, scopeLabel, unlistedNote } from '../../lib/batch-view';
import { useBatchStore } from '../../state/batch-store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PlayIcon, StopIcon } from '../../ui/icons';
import { Notice } from '../../ui/Notice';
import { ProgressBar } from '../../ui/ProgressBar';
import { plural } from '../../lib/format';
import { forgetSelection, startSelectedBatch } from '../../actions/batch-actions';
import { BatchExport } from './BatchExport';
import '../../ui/key-text.css';
import './BatchPanel.css';

function BatchOutcome() {
  const counts = useBatchStore((s) => s.counts);
  const cancelled = useBatchStore((s) => s.cancelled);
  const error = useBatchStore((s) => s.error);
  const listed = useBatchStore((s) => s.results.length);
  const exportable = useBatchStore((s) => s.exportable);
  if (counts === null) return null;
  if (error) return <ErrorNotice error={error} />;
  const note = unlistedNote(counts.done, listed, exportable);
  return (
    <Notice tone={cancelled ? 'warning' : counts.decrypted === counts.done ? 'success' : 'info'}>
      {batchSummary(counts, cancelled)}
      {note && ` ${note}`}
    </Notice>
  );
}

/** A counted folder, waiting for Start: the officer sees how much will be decrypted first. */
function ChosenFolder() {
  const input = useBatchStore((s) => s.input);
  if (input === null) return null;
  return (
    <section className="card chosen-input" aria-label="Chosen folder">
      <div className="chosen-input-text">
        <span className="key-label">{input.label}</span>
        <span className="key-sub">
          {input.files === 0
            ? 'No files in this folder or below it'
            : `${plural(input.files, 'file')}, in this folder and below it`}
        </span>
      </div>
      <button type="button" className="button" onClick={forgetSelection}>
        Cancel
      </button>
      {/* Focus moves here once the folder is counted, so Enter starts it. */}
      <button
        type="button"
        className="button button-primary"
        onClick={() => void startSelectedBatch()}
        disabled={input.files === 0}
        autoFocus
      >
        <PlayIcon />
        Start
      </button>
    </section>
  );
}

/**
 * A running or finished batch: progress by bytes read (rate and time left while it runs), Cancel,
 * then its summary and export. Its results show in the workbench below it.
 */
export function BatchPanel() {
  const phase = useBatchStore((s) => s.phase);
  const input = useBatchStore((s) => s.input);
  const scope = useBatchStore((s) => s.scope);
  const counts = useBatchStore((s) => s.counts);
  const bytes = useBatchStore((s) => s.bytes);
  const elapsed = useBatchStore((s) => s.elapsedSeconds);
  const cancelled = useBatchStore((s) => s.cancelled);
  const summaryRef = useRef<HTMLDivElement>(null);
  const finished = phase === 'finished';

  // Cancel goes away when the batch ends: had it focus (or nothing had), the summary takes it, so
  // the keyboard and a screen reader land on what happened.
  useEffect(() => {
    if (finished && (document.activeElement === document.body || document.activeElement === null)) {
      summaryRef.current?.focus({ preventScroll: true });
    }
  }, [finished]);

  if (phase === 'selected') return <ChosenFolder />;
  if (input === null || phase === 'idle') return null;
  const done = counts?.done ?? 0;
  const bySize = bytes !== null && bytes.total !== null && bytes.total > 0;
  // By bytes when the size is known; by items otherwise (a count known up front), else indeterminate.
  // A cancelled batch keeps where it stopped: its bar is never drawn full.
  const barDone = bySize ? Math.min(bytes.read, bytes.total ?? 0) : done;
  const barTotal = bySize ? bytes.total : (counts?.total ?? (finished && !cancelled ? done : null));
  return (
    <section className="card batch-panel" aria-labelledby="batch-title" aria-busy={!finished}>
      <div className="batch-header">
        <div className="batch-heading">
          <h2 className="section-title" id="batch-title">
            {input.label}
          </h2>
          <span className="key-sub">
            {INPUT_KIND_LABELS[input.kind]}
            {scope && ` · ${scopeLabel(scope)}`}
          </span>
        </div>
        <div className="toolbar">
          {finished ? (
            <>
              <BatchExport />
              <button type="button" className="button" onClick={discardBatch}>
                Clear
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => void cancelBatch()} disabled={phase !== 'running'}>
              <StopIcon />
              {phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
            </button>
          )}
        </div>
      </div>
      <ProgressBar
        label={`Decrypting ${input.label}`}
        done={barDone}
        total={barTotal}
        stopped={finished && cancelled}
        valueText={bySize ? progressLine(bytes, done, elapsed, false) : undefined}
      />
      <span className="batch-progress-line">{progressLine(bytes, done, elapsed, !finished)}</span>
      {/* In the page from the start, so the summary is announced when it appears. */}
      <div className="batch-outcome" role="status" ref={summaryRef} tabIndex={-1} aria-label="Batch summary">
        {finished && <BatchOutcome />}
      </div>
    </section>
  );
}
