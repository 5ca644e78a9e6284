import type { ReactNode } from 'react';
import type { CaptureKind } from '../../../../shared/domain';
import { chooseBatchInput, forgetSelection, setNdjsonField, startSelectedBatch } from '../../actions/batch-actions';
import { plural } from '../../lib/format';
import { useBatchStore } from '../../state/batch-store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { FileIcon, FolderIcon, GlobeIcon, ListIcon, PlayIcon } from '../../ui/icons';
import { useBatchBusy } from './useBatchBusy';
import '../../ui/Field.css';
import '../../ui/key-text.css';
import './input-card.css';
import './BatchInputs.css';

const OPENERS: ReadonlyArray<{ kind: CaptureKind; label: string; icon: ReactNode }> = [
  { kind: 'files', label: 'Open files…', icon: <FileIcon /> },
  { kind: 'folder', label: 'Open folder…', icon: <FolderIcon /> },
  { kind: 'har', label: 'Open HAR…', icon: <GlobeIcon /> },
  { kind: 'ndjson', label: 'Open NDJSON…', icon: <ListIcon /> },
];

/** A counted folder, waiting for Start: the officer sees how much will be decrypted first. */
function ChosenFolder() {
  const input = useBatchStore((s) => s.input);
  if (input === null) return null;
  return (
    <div className="chosen-input" role="group" aria-label="Chosen folder">
      <span className="chosen-input-icon">
        <FolderIcon />
      </span>
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
    </div>
  );
}

/** Batch inputs: the OS dialog runs in main, which keeps the paths and decrypts off the window's thread. */
export function BatchInputs() {
  const choosing = useBatchStore((s) => s.choosing);
  const phase = useBatchStore((s) => s.phase);
  const error = useBatchStore((s) => s.error);
  const ndjsonField = useBatchStore((s) => s.ndjsonField);
  const busy = useBatchBusy();
  return (
    <section className="card input-card" aria-labelledby="batch-inputs-title" aria-describedby="batch-inputs-description">
      <div>
        <h2 className="card-title" id="batch-inputs-title">
          Many captures
        </h2>
        <p className="card-description" id="batch-inputs-description">
          Capture files, a folder, NDJSON lines or the POST bodies of a HAR recording. Decrypted in the background, with progress,
          cancel and export.
        </p>
      </div>
      <div className="batch-openers">
        {OPENERS.map(({ kind, label, icon }) => (
          <button
            key={kind}
            type="button"
            className="button"
            onClick={() => void chooseBatchInput(kind)}
            disabled={choosing || busy}
          >
            {icon}
            {label}
          </button>
        ))}
      </div>
      <Field
        label="NDJSON field"
        optional
        hint="The member of each JSON line that holds the payload. Empty: “payload”, then “body”."
      >
        {(control) => (
          <input
            {...control}
            className="input"
            value={ndjsonField}
            onChange={(event) => setNdjsonField(event.target.value)}
            placeholder="payload"
            maxLength={128}
            spellCheck={false}
            autoComplete="off"
          />
        )}
      </Field>
      {phase === 'selected' && <ChosenFolder />}
      {phase === 'idle' && error && <ErrorNotice error={error} />}
    </section>
  );
}
