import { decryptPasted, setPastedCapture } from '../../actions/decrypt-actions';
import { setNdjsonField } from '../../actions/batch-actions';
import { useBatchStore } from '../../state/batch-store';
import { useDecryptStore } from '../../state/decrypt-store';
import { UnlockIcon } from '../../ui/icons';
import { useBatchBusy } from './useBatchBusy';
import '../../ui/Field.css';
import './CaptureInput.css';

export const CAPTURE_TEXT_ID = 'capture-text';

/** One pasted capture, and the NDJSON member to read from lines (the rest comes by Open or a drop). */
export function CaptureInput() {
  const pasted = useDecryptStore((s) => s.pasted);
  const ndjsonField = useBatchStore((s) => s.ndjsonField);
  const decrypting = useDecryptStore((s) => s.running);
  const running = useBatchBusy() || decrypting;
  return (
    <form
      className="capture-input"
      onSubmit={(event) => {
        event.preventDefault();
        if (!running && pasted.trim() !== '') void decryptPasted();
      }}
    >
      <div className="capture-paste">
        <label className="field-label" htmlFor={CAPTURE_TEXT_ID}>
          Captured payload
        </label>
        <textarea
          id={CAPTURE_TEXT_ID}
          className="textarea"
          rows={2}
          placeholder="Paste a payload (base64 or base64url, or a JSON string), or drop capture files anywhere on the window"
          value={pasted}
          onChange={(e) => setPastedCapture(e.target.value)}
          spellCheck={false}
          autoComplete="off"
          aria-describedby="capture-hint"
        />
        <span id="capture-hint" className="field-hint">
          Both layouts are tried: nonce-tag-ciphertext (Kinde) and nonce-ciphertext-tag (WebCrypto).
        </span>
      </div>
      <button type="submit" className="button button-primary capture-decrypt" disabled={running || pasted.trim() === ''}>
        <UnlockIcon />
        Decrypt
      </button>
      <details className="capture-options">
        <summary>NDJSON options</summary>
        <div className="capture-options-body">
          <label className="field-label" htmlFor="ndjson-field">
            NDJSON field <span className="muted">(optional)</span>
          </label>
          <input
            id="ndjson-field"
            className="input"
            value={ndjsonField}
            onChange={(event) => setNdjsonField(event.target.value)}
            placeholder="payload"
            maxLength={128}
            spellCheck={false}
            autoComplete="off"
            aria-describedby="ndjson-field-hint"
          />
          <span id="ndjson-field-hint" className="field-hint">
            The member of each JSON line that holds the payload. Empty: “payload”, then “body”.
          </span>
        </div>
      </details>
    </form>
  );
}
