import { useNavigationStore } from '../../state/navigation-store';
import { AuditScreen } from '../audit/AuditScreen';
import { CaptureDropTarget } from '../decrypt/CaptureDropTarget';
import { DecryptScreen } from '../decrypt/DecryptScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { SimulateScreen } from '../simulate/SimulateScreen';
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
        {screen === 'simulate' && <SimulateScreen />}
        {screen === 'audit' && <AuditScreen />}
        {screen === 'settings' && <SettingsScreen />}
      </main>
      <CaptureDropTarget />
    </div>
  );
}
