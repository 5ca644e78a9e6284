import { closeDialog } from '../../actions/dialog-actions';
import { useVaultStore } from '../../state/vault-store';
import { AppDialog } from '../../ui/AppDialog';
import '../../ui/key-facts.css';

export function AboutDialog({ returnFocusId }: { returnFocusId: string | null }) {
  const status = useVaultStore((s) => s.status);
  return (
    <AppDialog
      title="About Workflow Key Custody"
      description="Keeps Kinde workflow encryption keys offline in the OS keychain and decrypts captured secureFetch payloads."
      returnFocusId={returnFocusId}
      onRequestClose={closeDialog}
      footer={
        <button type="button" className="button" onClick={closeDialog}>
          Close
        </button>
      }
    >
      <dl className="key-facts">
        <dt>Vault folder</dt>
        <dd className="mono">{status.state === 'checking' ? '—' : status.home}</dd>
        <dt>Network</dt>
        <dd>None. This app never sends anything over the network.</dd>
      </dl>
    </AppDialog>
  );
}
