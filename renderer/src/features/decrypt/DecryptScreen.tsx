import { clearDecrypt } from '../../actions/decrypt-actions';
import { showDecryptTab } from '../../actions/simulate-actions';
import { type DecryptTab, useDecryptStore } from '../../state/decrypt-store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LockIcon, UnlockIcon } from '../../ui/icons';
import { Loading } from '../../ui/Spinner';
import { type TabItem, TabPanel, Tabs } from '../../ui/Tabs';
import { PageHeading } from '../shell/PageHeading';
import { BatchInputs } from './BatchInputs';
import { BatchPanel } from './BatchPanel';
import { CaptureInput } from './CaptureInput';
import { DecryptResults } from './DecryptResults';
import { ReceiverSnippets } from './ReceiverSnippets';
import { ScopePicker } from './ScopePicker';
import { SimulateForm } from './SimulateForm';
import './DecryptScreen.css';

const ID_PREFIX = 'decrypt';

const TABS: ReadonlyArray<TabItem<DecryptTab>> = [
  {
    id: 'captures',
    label: (
      <>
        <UnlockIcon />
        Decrypt captures
      </>
    ),
  },
  {
    id: 'simulate',
    label: (
      <>
        <LockIcon />
        Simulate secureFetch
      </>
    ),
  },
];

/** The workbench: the keys to try, a few captures or a batch, and one result area. */
function CapturesTab() {
  const running = useDecryptStore((s) => s.running);
  const error = useDecryptStore((s) => s.error);
  return (
    <div className="decrypt-grid">
      <ScopePicker />
      <div className="input-cards">
        <CaptureInput />
        <BatchInputs />
      </div>
      {error && <ErrorNotice error={error} />}
      {running ? <Loading label="Decrypting…" /> : <DecryptResults />}
      <BatchPanel />
    </div>
  );
}

export function DecryptScreen() {
  const tab = useDecryptStore((s) => s.tab);
  const hasResults = useDecryptStore((s) => s.results.length > 0);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <PageHeading focusOnMount>Decrypt</PageHeading>
          <p className="page-subtitle">
            Decrypt payloads that secureFetch sent and you captured. Nothing leaves this computer; decrypted bodies are cleared
            when you leave this screen.
          </p>
        </div>
        {hasResults && tab === 'captures' && (
          <div className="toolbar">
            <button type="button" className="button" onClick={clearDecrypt}>
              Clear
            </button>
          </div>
        )}
      </header>
      <Tabs label="Decrypt" idPrefix={ID_PREFIX} tabs={TABS} selected={tab} onSelect={showDecryptTab} />
      <TabPanel idPrefix={ID_PREFIX} id="captures" selected={tab === 'captures'}>
        <CapturesTab />
      </TabPanel>
      <TabPanel idPrefix={ID_PREFIX} id="simulate" selected={tab === 'simulate'}>
        <div className="decrypt-grid">
          <SimulateForm />
          <ReceiverSnippets />
        </div>
      </TabPanel>
    </div>
  );
}
