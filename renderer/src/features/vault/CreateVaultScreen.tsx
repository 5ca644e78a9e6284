import { createVault } from '../../actions/vault-actions';
import { useVaultStore } from '../../state/vault-store';
import { ShieldIcon } from '../../ui/icons';
import { Spinner } from '../../ui/Spinner';
import { RestoreButton } from './RestoreButton';
import { useFocusOnMount } from './useFocusOnMount';
import '../../ui/EmptyState.css';
import './vault-screens.css';

export function CreateVaultScreen({ home }: { home: string }) {
  const busy = useVaultStore((s) => s.busy);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <main className="full-screen">
      <section className="card full-screen-card" aria-labelledby="create-vault-title">
        <span className="empty-icon">
          <ShieldIcon />
        </span>
        <h1 id="create-vault-title" ref={heading} tabIndex={-1}>
          Create your vault
        </h1>
        <p>
          Workflow Key Custody keeps your workflows’ encryption keys in one sealed file on this computer. The key that opens it is
          stored in your operating system’s keychain, so the file is unreadable anywhere else.
        </p>
        <dl className="detail-list">
          <dt>Vault folder</dt>
          <dd className="mono">{home}</dd>
        </dl>
        <div className="toolbar">
          <button type="button" className="button button-primary" onClick={() => void createVault()} disabled={busy}>
            {busy && <Spinner />}
            {busy ? 'Creating…' : 'Create vault'}
          </button>
          <RestoreButton id="create-vault-restore" disabled={busy} />
        </div>
      </section>
    </main>
  );
}
