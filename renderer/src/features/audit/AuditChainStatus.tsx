import { showChainBreak } from '../../actions/audit-actions';
import { plural } from '../../lib/format';
import { useAuditStore } from '../../state/audit-store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Notice } from '../../ui/Notice';
import './AuditChainStatus.css';

export function AuditChainStatus() {
  const verification = useAuditStore((s) => s.verification);
  const error = useAuditStore((s) => s.error);
  if (error) return <ErrorNotice error={error} />;
  if (!verification) return null;
  if (verification.ok) {
    return (
      <Notice tone="success" title="Chain verified">
        All {plural(verification.entries, 'entry', 'entries')} are intact and in order.
      </Notice>
    );
  }
  return (
    <div className="audit-chain-broken">
      <Notice tone="danger" title="Chain not verified" alert>
        {verification.problem ?? 'The log does not match its chain.'}
        {verification.firstBadSeq !== null && (
          <>
            <br />
            First bad entry: #{verification.firstBadSeq}. Entries before it are intact; restore the log from a backup or keep this
            copy as evidence.
          </>
        )}
      </Notice>
      {verification.firstBadSeq !== null && (
        <button type="button" className="button" onClick={showChainBreak}>
          Show the entry
        </button>
      )}
    </div>
  );
}
