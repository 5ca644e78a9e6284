import { PageHeading } from '../shell/PageHeading';
import { ReceiverSnippets } from './ReceiverSnippets';
import { SimulateForm } from './SimulateForm';
import './SimulateScreen.css';

/** An encrypt tool, apart from Decrypt: seal a body as secureFetch would, and the receivers that open it. */
export function SimulateScreen() {
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <PageHeading focusOnMount>Simulate secureFetch</PageHeading>
          <p className="page-subtitle">
            Encrypt a test body with a workflow’s active key, as secureFetch sends it, to try your receiver. The body is cleared
            when you leave this screen.
          </p>
        </div>
      </header>
      <div className="simulate-grid">
        <SimulateForm />
        <ReceiverSnippets />
      </div>
    </div>
  );
}
