import { type DragEvent, useState } from 'react';
import { decryptDroppedFiles, decryptPasted, openCaptureFiles, setPastedCapture } from '../../actions/decrypt-actions';
import { useDecryptStore } from '../../state/decrypt-store';
import { FileIcon, UnlockIcon } from '../../ui/icons';
import { useBatchBusy } from './useBatchBusy';
import '../../ui/Field.css';
import './input-card.css';
import './CaptureInput.css';

/**
 * A few captures, each shown as a card: paste one, open capture files (the OS dialog runs in main),
 * or drop files here (many dropped files run as a batch).
 */
export function CaptureInput() {
  const pasted = useDecryptStore((s) => s.pasted);
  const batchBusy = useBatchBusy();
  const running = useDecryptStore((s) => s.running) || batchBusy;
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!running) void decryptDroppedFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <div
      className="drop-zone input-card"
      data-dragging={dragging}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label className="field-label" htmlFor="capture-text">
        Captured payload
      </label>
      <textarea
        id="capture-text"
        className="textarea"
        placeholder="Paste a payload (base64 or base64url, or a JSON string), or drop capture files here"
        value={pasted}
        onChange={(e) => setPastedCapture(e.target.value)}
        spellCheck={false}
        autoComplete="off"
        aria-describedby="capture-hint"
      />
      <span id="capture-hint" className="field-hint">
        Both layouts are tried: nonce-tag-ciphertext (Kinde) and nonce-ciphertext-tag (WebCrypto).
      </span>
      <div className="toolbar">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void decryptPasted()}
          disabled={running || pasted.trim() === ''}
        >
          <UnlockIcon />
          Decrypt
        </button>
        <button type="button" className="button" onClick={() => void openCaptureFiles()} disabled={running}>
          <FileIcon />
          Open captures…
        </button>
      </div>
    </div>
  );
}
