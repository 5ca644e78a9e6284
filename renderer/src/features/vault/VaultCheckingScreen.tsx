import { Spinner } from '../../ui/Spinner';
import '../../ui/Spinner.css';
import './vault-screens.css';

export function VaultCheckingScreen() {
  return (
    <main className="full-screen">
      <div className="loading" role="status">
        <Spinner />
        <span>Opening the vault…</span>
      </div>
    </main>
  );
}
