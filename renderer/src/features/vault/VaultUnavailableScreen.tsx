import type { CustodyErrorShape, ErrorCode } from '../../../../shared/errors';
import { ERROR_TITLES, VAULT_REMEDIES } from '../../client/error-titles';
import { refreshVaultStatus } from '../../actions/vault-actions';
import { askVaultRecovery } from '../../actions/vault-recovery-actions';
import type { VaultRecoveryAction } from '../../state/dialog-store';
import { useVaultStore } from '../../state/vault-store';
import { LockIcon, RefreshIcon } from '../../ui/icons';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Spinner } from '../../ui/Spinner';
import { RestoreButton } from './RestoreButton';
import { useFocusOnMount } from './useFocusOnMount';
import '../../ui/EmptyState.css';
import '../../ui/Notice.css';
import './vault-screens.css';

/** R17: the way out, besides Retry, of a vault that is older than recorded or whose file is gone; each asks first. */
const RECOVERY: Partial<Record<ErrorCode, { action: VaultRecoveryAction; id: string; label: string; danger: boolean }>> = {
  VAULT_ROLLED_BACK: { action: 'accept-rollback', id: 'accept-rollback', label: 'Accept this older vault', danger: false },
  VAULT_MISSING: { action: 'start-new', id: 'start-new-vault', label: 'Discard the old key and start a new vault', danger: true },
};

/** A vault that cannot open says why and what to do; the window is never blank. */
export function VaultUnavailableScreen({ home, error }: { home: string; error: CustodyErrorShape }) {
  const busy = useVaultStore((s) => s.busy);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const remedies = VAULT_REMEDIES[error.code] ?? VAULT_REMEDIES.INTERNAL ?? [];
  const recovery = RECOVERY[error.code];
  return (
    <main className="full-screen">
      <section className="card full-screen-card" aria-labelledby="vault-unavailable-title">
        <span className="empty-icon">
          <LockIcon />
        </span>
        <h1 id="vault-unavailable-title" ref={heading} tabIndex={-1}>
          The vault cannot be opened
        </h1>
        <div className="notice notice-danger" role="alert">
          <div className="notice-body">
            <span className="notice-title">{ERROR_TITLES[error.code]}</span>
            <p>{error.message}</p>
            <ErrorDetails code={error.code} />
          </div>
        </div>
        <div>
          <h2 className="section-title">What to do</h2>
          <ol className="steps">
            {remedies.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
        {home && (
          <dl className="detail-list">
            <dt>Vault folder</dt>
            <dd className="mono">{home}</dd>
          </dl>
        )}
        <div className="toolbar">
          <button type="button" className="button button-primary" onClick={() => void refreshVaultStatus()} disabled={busy}>
            {busy ? <Spinner /> : <RefreshIcon />}
            {busy ? 'Trying again…' : 'Retry'}
          </button>
          <RestoreButton id="unavailable-restore" disabled={busy} />
          {recovery && (
            <button
              type="button"
              id={recovery.id}
              className={recovery.danger ? 'button button-danger' : 'button'}
              onClick={() => askVaultRecovery(recovery.action, recovery.id)}
              disabled={busy}
            >
              {recovery.label}
            </button>
          )}
        </div>
      </section>
    </main>
  );
}
