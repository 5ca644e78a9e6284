import { openAudit } from '../../actions/audit-actions';
import { openDecrypt } from '../../actions/decrypt-actions';
import { openDialog } from '../../actions/dialog-actions';
import { lockVault } from '../../actions/lock-actions';
import { openSettings } from '../../actions/settings-actions';
import { openSimulate } from '../../actions/simulate-actions';
import { useNavigationStore } from '../../state/navigation-store';
import { KeyIcon, ListIcon, LockIcon, PlusIcon, SettingsIcon, UnlockIcon } from '../../ui/icons';
import { LastBackup } from '../settings/LastBackup';
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
        <button
          type="button"
          className="button button-ghost button-small sidebar-lock"
          onClick={() => void lockVault()}
          title="Lock the vault (Ctrl/Cmd+L)"
        >
          <LockIcon />
          Lock
        </button>
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
      <LastBackup compact buttonId="sidebar-back-up" />
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
        <button
          type="button"
          className="nav-item"
          aria-current={screen === 'simulate' ? 'page' : undefined}
          onClick={openSimulate}
        >
          <LockIcon />
          Simulate secureFetch
        </button>
        <button type="button" className="nav-item" aria-current={screen === 'audit' ? 'page' : undefined} onClick={openAudit}>
          <ListIcon />
          Audit log
        </button>
        <button
          type="button"
          className="nav-item"
          aria-current={screen === 'settings' ? 'page' : undefined}
          onClick={openSettings}
        >
          <SettingsIcon />
          Settings
        </button>
      </nav>
    </aside>
  );
}
