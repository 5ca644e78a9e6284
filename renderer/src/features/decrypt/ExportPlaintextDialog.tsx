import { useState } from 'react';
import type { ExportFormat } from '../../../../shared/domain';
import { closePlaintextExport, exportBatch } from '../../actions/batch-actions';
import { useBatchStore } from '../../state/batch-store';
import { AppDialog } from '../../ui/AppDialog';
import { Notice } from '../../ui/Notice';
import { EXPORT_FORMATS } from './BatchExport';
import '../../ui/Field.css';
import './ExportPlaintextDialog.css';

/**
 * The question before an export with decrypted bodies: asked before the save dialog, so nothing
 * is written until the officer confirms; Cancel, the default, writes nothing.
 */
export function ExportPlaintextDialog() {
  const open = useBatchStore((s) => s.confirmingPlaintextExport);
  const [format, setFormat] = useState<ExportFormat>('ndjson');
  if (!open) return null;
  return (
    <AppDialog
      title="Export with decrypted bodies?"
      description="Every decrypted body goes into the file in plain text: the emails, tokens and passwords secureFetch protected."
      returnFocusId={null}
      onRequestClose={closePlaintextExport}
      role="alertdialog"
      footer={
        <>
          <button type="button" className="button" onClick={closePlaintextExport} autoFocus>
            Cancel
          </button>
          <button type="button" className="button button-danger" onClick={() => void exportBatch(format, true)}>
            Export with plaintext
          </button>
        </>
      }
    >
      <Notice tone="danger" title="The exported file will hold decrypted secrets">
        Save it where only you can read it, share it with no one, and delete it when you are done. The export is recorded in the
        audit log.
      </Notice>
      <fieldset className="export-format">
        <legend className="field-label">Format</legend>
        {EXPORT_FORMATS.map((option) => (
          <label key={option.format} className="radio-row">
            <input
              type="radio"
              name="plaintext-export-format"
              checked={format === option.format}
              onChange={() => setFormat(option.format)}
            />
            {option.label} <span className="muted">— {option.description}</span>
          </label>
        ))}
      </fieldset>
    </AppDialog>
  );
}
