import { Spinner } from '../../ui/Spinner';

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
