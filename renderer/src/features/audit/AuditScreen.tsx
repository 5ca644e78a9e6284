import { exportAudit, loadAudit } from '../../actions/audit-actions';
import { useAuditStore } from '../../state/audit-store';
import { DownloadIcon, RefreshIcon } from '../../ui/icons';
import { Loading, Spinner } from '../../ui/Spinner';
import { PageHeading } from '../shell/PageHeading';
import { AuditChainStatus } from './AuditChainStatus';
import { AuditTable } from './AuditTable';

export function AuditScreen() {
  const loaded = useAuditStore((s) => s.loaded);
  const loading = useAuditStore((s) => s.loading);
  const exporting = useAuditStore((s) => s.exporting);
  const entries = useAuditStore((s) => s.entries);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <PageHeading focusOnMount>Audit log</PageHeading>
          <p className="page-subtitle">
            Every change, every copy of a new key and every decrypt, chained with an HMAC so that an edited, reordered or removed
            entry is detected.
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => void loadAudit()} disabled={loading}>
            <RefreshIcon />
            Refresh
          </button>
          <button type="button" className="button" onClick={() => void exportAudit()} disabled={exporting || !loaded}>
            {exporting ? <Spinner /> : <DownloadIcon />}
            Export
          </button>
        </div>
      </header>
      {!loaded ? (
        <Loading label="Reading and verifying the audit log…" />
      ) : (
        <>
          <AuditChainStatus />
          {entries.length > 0 && <AuditTable entries={entries} />}
        </>
      )}
    </div>
  );
}
