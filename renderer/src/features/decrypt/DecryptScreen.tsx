import { clearDecrypt } from '../../actions/decrypt-actions';
import { useDecryptStore } from '../../state/decrypt-store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Spinner';
import { PageHeading } from '../shell/PageHeading';
import { CaptureInput } from './CaptureInput';
import { DecryptResults } from './DecryptResults';
import { ScopePicker } from './ScopePicker';

export function DecryptScreen() {
  const running = useDecryptStore((s) => s.running);
  const error = useDecryptStore((s) => s.error);
  const hasResults = useDecryptStore((s) => s.results.length > 0);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <PageHeading focusOnMount>Decrypt</PageHeading>
          <p className="page-subtitle">
            Decrypt payloads that secureFetch sent and you captured. Nothing leaves this computer; decrypted bodies are cleared
            when you leave this screen.
          </p>
        </div>
        {hasResults && (
          <div className="toolbar">
            <button type="button" className="button" onClick={clearDecrypt}>
              Clear
            </button>
          </div>
        )}
      </header>
      <div className="decrypt-grid">
        <ScopePicker />
        <CaptureInput />
        {error && <ErrorNotice error={error} />}
        {running ? <Loading label="Decrypting…" /> : <DecryptResults />}
      </div>
    </div>
  );
}
