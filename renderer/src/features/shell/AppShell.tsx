import { useNavigationStore } from '../../state/navigation-store';
import { AuditScreen } from '../audit/AuditScreen';
import { DecryptScreen } from '../decrypt/DecryptScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { Sidebar } from '../sidebar/Sidebar';
import { WorkflowScreen } from '../workflow/WorkflowScreen';

export function AppShell() {
  const screen = useNavigationStore((s) => s.screen);
  return (
    <div className="app">
      <Sidebar />
      <main className="main" id="main">
        {screen === 'workflow' && <WorkflowScreen />}
        {screen === 'decrypt' && <DecryptScreen />}
        {screen === 'audit' && <AuditScreen />}
        {screen === 'settings' && <SettingsScreen />}
      </main>
    </div>
  );
}
