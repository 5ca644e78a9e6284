import { useVaultStore } from './state/vault-store';
import { AppShell } from './features/shell/AppShell';
import { CreateVaultScreen } from './features/vault/CreateVaultScreen';
import { VaultCheckingScreen } from './features/vault/VaultCheckingScreen';
import { VaultUnavailableScreen } from './features/vault/VaultUnavailableScreen';
import { ToastHost } from './features/shell/ToastHost';
import { DialogHost } from './features/dialogs/DialogHost';

function VaultGate() {
  const status = useVaultStore((s) => s.status);
  switch (status.state) {
    case 'checking':
      return <VaultCheckingScreen />;
    case 'uninitialised':
      return <CreateVaultScreen home={status.home} />;
    case 'unavailable':
      return <VaultUnavailableScreen home={status.home} error={status.error} />;
    // Until the lock screen exists, a locked vault is explained on the screen for a vault that cannot open.
    case 'locked':
      return (
        <VaultUnavailableScreen
          home={status.home}
          error={{ code: 'VAULT_LOCKED', message: `The vault in ${status.home} is locked behind its passphrase.` }}
        />
      );
    case 'ready':
      return <AppShell />;
  }
}

export function App() {
  return (
    <ToastHost>
      <VaultGate />
      <DialogHost />
    </ToastHost>
  );
}
