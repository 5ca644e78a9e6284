import { useDialogStore } from '../../state/dialog-store';
import { AboutDialog } from './AboutDialog';
import { AddKeyInfoDialog } from './AddKeyInfoDialog';
import { AddWorkflowDialog } from './AddWorkflowDialog';
import { BackupDialog } from './BackupDialog';
import { ConfirmKeyDialog } from './ConfirmKeyDialog';
import { EditWorkflowDialog } from './EditWorkflowDialog';
import { FirstRunPassphraseDialog } from './FirstRunPassphraseDialog';
import { ImportKeyDialog } from './ImportKeyDialog';
import { RemoveWorkflowDialog } from './RemoveWorkflowDialog';
import { RestoreDialog } from './RestoreDialog';
import { RevealKeyDialog } from './RevealKeyDialog';
import { VaultRecoveryDialog } from './VaultRecoveryDialog';
import { ShortcutsDialog } from './ShortcutsDialog';

/** Renders the one open dialog; each kind mounts fresh, so one dialog's form never leaks into the next. */
export function DialogHost() {
  const dialog = useDialogStore((s) => s.dialog);
  switch (dialog.kind) {
    case 'none':
      return null;
    case 'add-workflow':
      return <AddWorkflowDialog returnFocusId={dialog.returnFocusId} />;
    case 'edit-workflow':
      return <EditWorkflowDialog key={dialog.workflowId} workflowId={dialog.workflowId} returnFocusId={dialog.returnFocusId} />;
    case 'remove-workflow':
      return <RemoveWorkflowDialog workflowId={dialog.workflowId} returnFocusId={dialog.returnFocusId} />;
    case 'add-key-info':
      return <AddKeyInfoDialog workflowId={dialog.workflowId} returnFocusId={dialog.returnFocusId} />;
    case 'reveal-key':
      return <RevealKeyDialog key={dialog.reveal.handle} dialog={dialog} />;
    case 'import-key':
      return <ImportKeyDialog workflowId={dialog.workflowId} returnFocusId={dialog.returnFocusId} />;
    case 'confirm-key':
      return <ConfirmKeyDialog key={`${dialog.action}:${dialog.keyId}`} dialog={dialog} />;
    case 'about':
      return <AboutDialog returnFocusId={dialog.returnFocusId} />;
    case 'shortcuts':
      return <ShortcutsDialog returnFocusId={dialog.returnFocusId} />;
    case 'first-run-passphrase':
      return <FirstRunPassphraseDialog returnFocusId={dialog.returnFocusId} />;
    case 'backup':
      return <BackupDialog returnFocusId={dialog.returnFocusId} />;
    case 'restore':
      return <RestoreDialog dialog={dialog} />;
    case 'vault-recovery':
      return <VaultRecoveryDialog action={dialog.action} returnFocusId={dialog.returnFocusId} />;
  }
}
