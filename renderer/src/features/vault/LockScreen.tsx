import { useState } from 'react';
import type { CustodyErrorShape } from '../../../../shared/errors';
import { unlockVault } from '../../actions/lock-actions';
import { useVaultStore } from '../../state/vault-store';
import { Field } from '../../ui/Field';
import { LockIcon } from '../../ui/icons';
import { Spinner } from '../../ui/Spinner';
import { useFocusOnMount } from './useFocusOnMount';
import '../../ui/EmptyState.css';
import '../../ui/Field.css';
import './vault-screens.css';

function throttleSentence(until: string | null): string | null {
  if (until === null) return null;
  return `Too many wrong passphrases. The next try is allowed at ${new Date(until).toLocaleTimeString()}.`;
}

/**
 * R15: all a locked window shows. Nothing read from the vault is in the page any more; Unlock opens
 * it again, with the passphrase when the vault has one.
 */
export function LockScreen({
  home,
  passphraseSet,
  throttledUntil,
}: {
  home: string;
  passphraseSet: boolean;
  throttledUntil: string | null;
}) {
  const busy = useVaultStore((s) => s.busy);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<CustodyErrorShape | null>(null);
  const throttled = throttleSentence(throttledUntil);

  const submit = async () => {
    const refusal = await unlockVault(passphraseSet ? passphrase : undefined);
    setPassphrase('');
    setError(refusal);
  };

  return (
    <main className="full-screen">
      <section className="card full-screen-card" aria-labelledby="lock-title">
        <span className="empty-icon">
          <LockIcon />
        </span>
        <h1 id="lock-title" ref={heading} tabIndex={-1}>
          The vault is locked
        </h1>
        <p>
          {passphraseSet
            ? 'Enter the vault’s passphrase to open it again.'
            : 'Nothing from the vault is in this window now. Unlock to open it again with the key in your keychain.'}
        </p>
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          {passphraseSet && (
            <Field label="Passphrase" error={error?.message ?? null}>
              {(control) => (
                <input
                  {...control}
                  type="password"
                  className="input"
                  value={passphrase}
                  onChange={(e) => setPassphrase(e.target.value)}
                  autoComplete="current-password"
                  autoFocus
                  required
                />
              )}
            </Field>
          )}
          {!passphraseSet && error && (
            <p className="field-error" role="alert">
              {error.message}
            </p>
          )}
          {throttled && !error && <p className="muted">{throttled}</p>}
          <div className="toolbar">
            <button type="submit" className="button button-primary" disabled={busy || (passphraseSet && passphrase === '')}>
              {busy && <Spinner />}
              {busy ? 'Unlocking…' : 'Unlock'}
            </button>
          </div>
        </form>
        <dl className="detail-list">
          <dt>Vault folder</dt>
          <dd className="mono">{home}</dd>
        </dl>
      </section>
    </main>
  );
}
