import type { EventPayloadOf } from '../../../shared/contract';
import { openAudit } from '../actions/audit-actions';
import { chooseRestore, openBackupDialog } from '../actions/backup-actions';
import { openDecrypt } from '../actions/decrypt-actions';
import { openDialog, openShortcuts } from '../actions/dialog-actions';
import { notify } from '../actions/notify';
import { openSettings } from '../actions/settings-actions';
import { useVaultStore } from '../state/vault-store';
import { useWorkflowStore } from '../state/workflow-store';

export type MenuCommand = EventPayloadOf<'menu.command'>['command'];

/** A native menu item opens the same dialog or screen as its button; focus returns where it was. */
export function runMenuCommand(command: MenuCommand): void {
  if (command === 'about') {
    openDialog({ kind: 'about', returnFocusId: null });
    return;
  }
  if (command === 'shortcuts') {
    openShortcuts();
    return;
  }
  const { state } = useVaultStore.getState().status;
  // R16: a backup restores into an empty vault, or over one that cannot open (its files kept aside).
  if (command === 'restore') {
    if (state !== 'locked' && state !== 'checking') void chooseRestore();
    return;
  }
  if (state !== 'ready') return;
  switch (command) {
    case 'add-workflow':
      openDialog({ kind: 'add-workflow', returnFocusId: null });
      return;
    case 'import-key': {
      const workflowId = useWorkflowStore.getState().selectedWorkflowId;
      if (workflowId === null) notify.info('Select a workflow first', 'A key is imported into the workflow it belongs to.');
      else openDialog({ kind: 'import-key', workflowId, returnFocusId: null });
      return;
    }
    case 'decrypt':
      openDecrypt();
      return;
    case 'audit':
      openAudit();
      return;
    case 'settings':
      openSettings();
      return;
    case 'backup':
      openBackupDialog();
      return;
  }
}
