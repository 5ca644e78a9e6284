import { useVaultStore } from './state/vault-store';
import { AppShell } from './features/shell/AppShell';
import { CreateVaultScreen } from './features/vault/CreateVaultScreen';
import { LockScreen } from './features/vault/LockScreen';
import { VaultCheckingScreen } from './features/vault/VaultCheckingScreen';
import { VaultUnavailableScreen } from './features/vault/VaultUnavailableScreen';
import { ToastHost } from './features/shell/ToastHost';
import { DialogHost } from './features/dialogs/DialogHost';

/** The one full-window screen for the vault's state; the app itself only when it is ready. */
export function VaultGate() {
  const status = useVaultStore((s) => s.status);
  switch (status.state) {
    case 'checking':
      return <VaultCheckingScreen />;
    case 'uninitialised':
      return <CreateVaultScreen home={status.home} />;
    case 'unavailable':
      return <VaultUnavailableScreen home={status.home} error={status.error} />;
    case 'locked':
      return <LockScreen home={status.home} passphraseSet={status.passphraseSet} throttledUntil={status.throttledUntil} />;
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
