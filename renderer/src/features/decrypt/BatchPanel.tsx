import { useEffect, useRef } from 'react';
import { cancelBatch } from '../../actions/batch-actions';
import { discardBatch } from '../../actions/discard-batch';
import { INPUT_KIND_LABELS, batchSummary, scopeLabel, unlistedNote } from '../../lib/batch-view';
import { useBatchStore } from '../../state/batch-store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { StopIcon } from '../../ui/icons';
import { Notice } from '../../ui/Notice';
import { ProgressBar } from '../../ui/ProgressBar';
import { BatchExport, PLAINTEXT_WARNING_ID } from './BatchExport';
import { BatchResults } from './BatchResults';
import { BatchStats } from './BatchStats';
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

/** A running or finished batch: progress and counts, Cancel, then its summary, export and results. */
export function BatchPanel() {
  const phase = useBatchStore((s) => s.phase);
  const input = useBatchStore((s) => s.input);
  const scope = useBatchStore((s) => s.scope);
  const counts = useBatchStore((s) => s.counts);
  const batchId = useBatchStore((s) => s.batchId);
  const includePlaintext = useBatchStore((s) => s.includePlaintext);
  const cancelled = useBatchStore((s) => s.cancelled);
  const hasResults = useBatchStore((s) => s.results.length > 0);
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shown = input !== null && phase !== 'idle' && phase !== 'selected';
  const finished = phase === 'finished';

  // The inputs fill the first screen: bring each batch (a new batch has a new input) to the top as
  // it starts, and again when its first results make the page tall enough for that.
  useEffect(() => {
    if (shown) panelRef.current?.scrollIntoView({ block: 'start' });
  }, [shown, input, hasResults]);

  // Cancel goes away when the batch ends: had it focus, the keyboard stays in the batch instead of
  // falling back to the top of the page.
  useEffect(() => {
    if (finished && document.activeElement === document.body) headingRef.current?.focus({ preventScroll: true });
  }, [finished]);

  if (!shown) return null;
  const done = counts?.done ?? 0;
  const known = counts?.total ?? null;
  // Once finished, the total is what was read (NDJSON and HAR are only counted while read).
  const total = finished && known === null ? done : known;
  return (
    <>
      <section className="card batch-panel" aria-labelledby="batch-title" ref={panelRef} aria-busy={!finished}>
        <div className="batch-header">
          <div className="batch-heading">
            <h2 className="section-title" id="batch-title" ref={headingRef} tabIndex={-1}>
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
        <ProgressBar label={`Decrypting ${input.label}`} done={done} total={total} stopped={finished && cancelled} />
        {counts && <BatchStats counts={counts} />}
        {/* In the page from the start, so the summary is announced when it appears. */}
        <div className="batch-outcome" role="status">
          {finished && <BatchOutcome />}
        </div>
        {finished && includePlaintext && (
          <div id={PLAINTEXT_WARNING_ID}>
            <Notice tone="warning" title="The exported file will hold decrypted secrets">
              Every decrypted body goes into the file in plain text. Save it where only you can read it, share it with no one, and
              delete it when you are done.
            </Notice>
          </div>
        )}
      </section>
      {batchId !== null && <BatchResults key={batchId} />}
    </>
  );
}
