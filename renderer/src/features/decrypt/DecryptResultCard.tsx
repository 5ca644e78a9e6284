import type { DecryptItemResult, DecryptMatch } from '../../../../shared/domain';
import { ERROR_TITLES } from '../../client/error-titles';
import { formatAuditTime, formatBytes, formatFingerprint } from '../../lib/format';
import { plaintextView } from '../../lib/plaintext-view';
import { ActiveBadge } from '../../ui/badges';
import { ErrorNotice } from '../../ui/ErrorNotice';
import '../../ui/key-facts.css';
import '../../ui/key-text.css';
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

function PlaintextBlock({ match }: { match: DecryptMatch }) {
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
    <>
      <span className="plaintext-label">{view.kind === 'json' ? 'Plaintext (JSON)' : 'Plaintext'}</span>
      <pre className="plaintext" tabIndex={0} aria-label="Plaintext">
        {view.text === '' ? <span className="muted">(empty)</span> : view.text}
      </pre>
    </>
  );
}

/** `title` shortens a long source (a path) for the eye; the full source stays in the name and the tooltip. */
export function DecryptResultCard({ result, title = result.source }: { result: DecryptItemResult; title?: string }) {
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
        {result.ok ? (
          <span className="badge badge-active">Decrypted</span>
        ) : (
          <span className="badge badge-danger">{ERROR_TITLES[result.error.code]}</span>
        )}
      </div>
      {result.ok ? (
        <>
          <MatchedKey match={result} />
          <PlaintextBlock match={result} />
        </>
      ) : (
        <ErrorNotice error={result.error} alert={false} />
      )}
    </article>
  );
}
