import type { DecryptItemResult, DecryptMatch } from '../../../../shared/domain';
import { copyPlaintext } from '../../actions/plaintext-actions';
import { REVEAL_SECONDS, hidePlaintext, revealPlaintext } from '../../actions/plaintext-reveal';
import { formatAuditTime, formatBytes, formatFingerprint, plural } from '../../lib/format';
import { plaintextView } from '../../lib/plaintext-view';
import { useDecryptStore } from '../../state/decrypt-store';
import { ActiveBadge } from '../../ui/badges';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CopyIcon, EyeIcon, EyeOffIcon } from '../../ui/icons';
import { OutcomeBadge } from './OutcomeBadge';
import '../../ui/key-facts.css';
import '../../ui/key-text.css';
import '../../ui/Field.css';
import './DecryptResultCard.css';

function MatchedKey({ match }: { match: DecryptMatch }) {
  const { key } = match;
  return (
    <dl className="key-facts">
      <dt>Key</dt>
      <dd>{key.label ? key.label : <span className="muted">Unlabelled key</span>}</dd>
      <dt>Fingerprint</dt>
      <dd className="mono">{formatFingerprint(key.fingerprint)}</dd>
      {key.workflowId && (
        <>
          <dt>Workflow</dt>
          <dd className="mono">{key.workflowId}</dd>
        </>
      )}
      <dt>Status</dt>
      <dd>{key.status === 'active' ? <ActiveBadge /> : key.status === 'inactive' ? 'Inactive' : '—'}</dd>
      <dt>Layout</dt>
      <dd className="mono">{match.layout}</dd>
      <dt>Size</dt>
      <dd>{formatBytes(match.plaintext.byteLength)}</dd>
    </dl>
  );
}

function PlaintextText({ match }: { match: DecryptMatch }) {
  const view = plaintextView(match.plaintext);
  if (view.kind === 'binary') {
    return (
      <>
        <span className="plaintext-label">Not UTF-8 text — base64</span>
        <pre className="plaintext" tabIndex={0} aria-label="Plaintext as base64">
          {view.base64}
        </pre>
        <span className="plaintext-label">Hex</span>
        <pre className="plaintext" tabIndex={0} aria-label="Plaintext as hex">
          {view.hex}
        </pre>
      </>
    );
  }
  return (
    <pre className="plaintext" tabIndex={0} aria-label="Plaintext">
      {view.text === '' ? <span className="muted">(empty)</span> : view.text}
    </pre>
  );
}

/**
 * The decrypted body, hidden until Reveal (one at a time, hidden again after a minute and on
 * lock); Copy goes through main's clipboard without showing it.
 */
function PlaintextBlock({ match }: { match: DecryptMatch }) {
  const revealed = useDecryptStore((s) => s.revealed === match);
  const kind = plaintextView(match.plaintext).kind;
  return (
    <div className="plaintext-block">
      <div className="plaintext-bar">
        <span className="plaintext-label">
          {kind === 'json' ? 'Plaintext (JSON)' : 'Plaintext'} · {formatBytes(match.plaintext.byteLength)}
        </span>
        <div className="toolbar">
          {revealed ? (
            <button type="button" className="button button-small" onClick={hidePlaintext}>
              <EyeOffIcon />
              Hide
            </button>
          ) : (
            <button type="button" className="button button-small" onClick={() => revealPlaintext(match)}>
              <EyeIcon />
              Reveal
            </button>
          )}
          <button type="button" className="button button-small" onClick={() => void copyPlaintext(match)}>
            <CopyIcon />
            Copy
          </button>
        </div>
      </div>
      {revealed ? (
        <>
          <PlaintextText match={match} />
          <span className="field-hint">Hidden again after {REVEAL_SECONDS} s, and when the vault locks.</span>
        </>
      ) : (
        <p className="plaintext plaintext-hidden">
          <span aria-hidden="true">••••••••••••</span>
          <span className="visually-hidden">Hidden</span>
        </p>
      )}
    </div>
  );
}

interface DecryptResultCardProps {
  result: DecryptItemResult;
  /** Shortens a long source (a path) for the eye; the full source stays in the name and the tooltip. */
  title?: string;
  /** The sources of every identical error this result stands for (itself first). */
  sameErrors?: readonly string[];
}

/** Sources listed under a grouped error; the rest are counted. */
const SOURCES_LISTED = 20;

export function DecryptResultCard({ result, title = result.source, sameErrors = [] }: DecryptResultCardProps) {
  return (
    <article className="card result" aria-label={`Result for ${result.source}`}>
      <div className="result-header">
        <div className="result-title">
          <span className="result-source" title={title === result.source ? undefined : result.source}>
            {title}
          </span>
          {result.meta && (result.meta.url || result.meta.time) && (
            <span className="key-sub mono">
              {[result.meta.time && formatAuditTime(result.meta.time), result.meta.url].filter(Boolean).join(' · ')}
            </span>
          )}
        </div>
        <OutcomeBadge result={result} />
      </div>
      {result.ok ? (
        <>
          <PlaintextBlock match={result} />
          <MatchedKey match={result} />
        </>
      ) : (
        <>
          <ErrorNotice error={result.error} alert={false} />
          {sameErrors.length > 1 && (
            <div className="same-errors">
              <span className="plaintext-label">The same error for {plural(sameErrors.length, 'capture')}</span>
              <ul className="same-errors-list">
                {sameErrors.slice(0, SOURCES_LISTED).map((source, index) => (
                  <li key={index} className="mono">
                    {source}
                  </li>
                ))}
              </ul>
              {sameErrors.length > SOURCES_LISTED && (
                <span className="field-hint">and {(sameErrors.length - SOURCES_LISTED).toLocaleString()} more</span>
              )}
            </div>
          )}
        </>
      )}
    </article>
  );
}
