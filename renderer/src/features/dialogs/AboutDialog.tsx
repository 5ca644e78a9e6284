import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import { custody } from '../../client/custody';
import { useVaultStore } from '../../state/vault-store';
import '../../ui/key-facts.css';
import { InfoDialog } from './InfoDialog';

type About = ResponseOf<'app.about'>;

/** The page's own engine, for when main is not Electron (the test bridge runs it in plain Node). */
function pageChromium(): string | null {
  return /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? null;
}

export function AboutDialog({ returnFocusId }: { returnFocusId: string | null }) {
  const status = useVaultStore((s) => s.status);
  const [about, setAbout] = useState<About | null>(null);

  useEffect(() => {
    let shown = true;
    void custody()
      .app.about()
      .then((result) => {
        if (shown && result.ok) setAbout(result.value);
      });
    return () => {
      shown = false;
    };
  }, []);

  const pending = about === null ? 'Loading…' : null;
  return (
    <InfoDialog
      title="About Workflow Key Custody"
      description="Keeps Kinde workflow encryption keys offline in the OS keychain and decrypts captured secureFetch payloads."
      returnFocusId={returnFocusId}
    >
      <dl className="key-facts">
        <dt>Version</dt>
        <dd className="mono">{pending ?? about?.version}</dd>
        <dt>Electron</dt>
        <dd className="mono">{pending ?? about?.electron ?? 'Not running in Electron'}</dd>
        <dt>Chromium</dt>
        <dd className="mono">{pending ?? about?.chromium ?? pageChromium() ?? 'Unknown'}</dd>
        <dt>Node.js</dt>
        <dd className="mono">{pending ?? about?.node}</dd>
        <dt>Vault folder</dt>
        <dd className="mono">{status.state === 'checking' ? '—' : status.home}</dd>
        <dt>Network</dt>
        <dd>None. This app never sends anything over the network.</dd>
      </dl>
    </InfoDialog>
  );
}
