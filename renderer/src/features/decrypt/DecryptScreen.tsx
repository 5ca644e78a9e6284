import { clearDecrypt } from '../../actions/decrypt-actions';
import { plural } from '../../lib/format';
import { useBatchStore } from '../../state/batch-store';
import { useDecryptStore } from '../../state/decrypt-store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Spinner';
import { PageHeading } from '../shell/PageHeading';
import { BatchPanel } from './BatchPanel';
import { CaptureInput } from './CaptureInput';
import { CaptureOpeners } from './CaptureOpeners';
import { ExportPlaintextDialog } from './ExportPlaintextDialog';
import { BatchResultsWorkbench, PastedResultsWorkbench } from './ResultsWorkbench';
import { ScopePicker } from './ScopePicker';
import './DecryptScreen.css';

/** The summary line of a paste's or a few dropped files' results. */
function PastedSummary() {
  const results = useDecryptStore((s) => s.results);
  if (results.length === 0) return null;
  const decrypted = results.filter((r) => r.ok).length;
  return (
    <p className="decrypt-summary" role="status">
      {plural(results.length, 'payload')}: {decrypted} decrypted, {results.length - decrypted} failed.
    </p>
  );
}

/**
 * The workbench: the keys to try and the captures (opened, dropped anywhere on the window, or
 * pasted) in a compact band, then the summary and the results, list beside the selected one.
 */
export function DecryptScreen() {
  const running = useDecryptStore((s) => s.running);
  const error = useDecryptStore((s) => s.error);
  const hasResults = useDecryptStore((s) => s.results.length > 0);
  const batchShown = useBatchStore((s) => s.phase !== 'idle');
  const batchError = useBatchStore((s) => (s.phase === 'idle' ? s.error : null));
  return (
    <div className="page decrypt-page">
      <header className="page-header">
        <div>
          <PageHeading focusOnMount>Decrypt</PageHeading>
          <p className="page-subtitle">
            Decrypt payloads that secureFetch sent and you captured. Nothing leaves this computer; decrypted bodies are hidden
            until you reveal one, and cleared when you leave this screen.
          </p>
        </div>
        <div className="toolbar">
          <CaptureOpeners />
          {hasResults && (
            <button type="button" className="button" onClick={clearDecrypt}>
              Clear
            </button>
          )}
        </div>
      </header>
      <div className="decrypt-inputs card">
        <ScopePicker />
        <CaptureInput />
      </div>
      {error && <ErrorNotice error={error} />}
      {batchError && <ErrorNotice error={batchError} />}
      {running && <Loading label="Decrypting…" />}
      {batchShown ? (
        <>
          <BatchPanel />
          <BatchResultsWorkbench />
        </>
      ) : (
        <>
          <PastedSummary />
          <PastedResultsWorkbench />
        </>
      )}
      <ExportPlaintextDialog />
    </div>
  );
}
