import { openAudit } from '../../actions/audit-actions';
import { openDecrypt } from '../../actions/decrypt-actions';
import { openDialog } from '../../actions/dialog-actions';
import { useNavigationStore } from '../../state/navigation-store';
import { KeyIcon, ListIcon, PlusIcon, UnlockIcon } from '../../ui/icons';
import { WorkflowList } from './WorkflowList';
import { WorkflowSearch } from './WorkflowSearch';
import './Sidebar.css';

const ADD_WORKFLOW_ID = 'sidebar-add-workflow';

export function Sidebar() {
  const screen = useNavigationStore((s) => s.screen);
  return (
    <aside className="sidebar" aria-label="Workflows">
      <div className="sidebar-brand">
        <span className="brand-mark">
          <KeyIcon />
        </span>
        Workflow Key Custody
      </div>
      <WorkflowSearch />
      <div className="sidebar-heading">
        <span id="workflows-heading">Workflows</span>
        <button
          type="button"
          id={ADD_WORKFLOW_ID}
          className="button button-ghost button-small"
          onClick={() => openDialog({ kind: 'add-workflow', returnFocusId: ADD_WORKFLOW_ID })}
        >
          <PlusIcon />
          Add workflow
        </button>
      </div>
      <WorkflowList />
      <nav className="sidebar-footer" aria-label="Tools">
        <button
          type="button"
          className="nav-item"
          aria-current={screen === 'decrypt' ? 'page' : undefined}
          onClick={() => openDecrypt()}
        >
          <UnlockIcon />
          Decrypt
        </button>
        <button type="button" className="nav-item" aria-current={screen === 'audit' ? 'page' : undefined} onClick={openAudit}>
          <ListIcon />
          Audit log
        </button>
      </nav>
    </aside>
  );
}
