import type { DecryptItemResult } from '../../../../shared/domain';
import { shortSource } from '../../lib/batch-view';
import { formatAuditTime, formatFingerprint } from '../../lib/format';
import { keyName } from '../../lib/key-name';
import { OutcomeBadge } from './OutcomeBadge';
import './ResultRow.css';

/** The key first (label, status, fingerprint): what an officer looks for when keys rotate. */
function keyLine(result: Extract<DecryptItemResult, { ok: true }>): string {
  const { key } = result;
  const name = keyName({ label: key.label ?? '', fingerprint: key.fingerprint });
  const status = key.status === 'active' ? 'Active' : key.status === 'inactive' ? 'Inactive' : null;
  return [name, status, key.label ? formatFingerprint(key.fingerprint) : null, key.workflowId, result.layout]
    .filter(Boolean)
    .join(' · ');
}

/** Where a HAR entry came from: its time and URL. */
function metaLine(result: DecryptItemResult): string | null {
  const { meta } = result;
  if (!meta || (!meta.url && !meta.time)) return null;
  return [meta.time ? formatAuditTime(meta.time) : null, meta.url].filter(Boolean).join(' · ');
}

export function rowHasMeta(result: DecryptItemResult): boolean {
  return metaLine(result) !== null;
}

/**
 * One row in two or three lines: source and outcome, the HAR entry's time and URL, then the key
 * that matched or what went wrong. `count` identical errors share the row, and it says so.
 */
export function ResultRow({
  result,
  count,
  inputLabel,
}: {
  result: DecryptItemResult;
  count: number;
  inputLabel: string | null;
}) {
  const meta = metaLine(result);
  return (
    <>
      <span className="result-row-top">
        <span className="result-row-source">
          {shortSource(result.source, inputLabel)}
          {count > 1 && ` and ${(count - 1).toLocaleString()} more`}
        </span>
        <span className="result-row-badges">
          {count > 1 && <span className="badge">×{count.toLocaleString()}</span>}
          <OutcomeBadge result={result} />
        </span>
      </span>
      {meta && <span className="result-row-meta mono">{meta}</span>}
      <span className="result-row-detail">{result.ok ? keyLine(result) : result.error.message}</span>
    </>
  );
}
