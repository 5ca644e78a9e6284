import { confirmVaultRecovery } from '../../actions/vault-recovery-actions';
import type { VaultRecoveryAction } from '../../state/dialog-store';
import { Notice } from '../../ui/Notice';
import { ConfirmDialog } from './ConfirmDialog';
import { useDialogError } from './useDialogState';

const COPY: Record<VaultRecoveryAction, { title: string; description: string; confirmLabel: string; warning: string }> = {
  'accept-rollback': {
    title: 'Accept this older vault?',
    description:
      'The vault opens as this older file holds it. New, rotated or deleted keys, workflows and settings changed after it was written stay undone.',
    confirmLabel: 'Accept this older vault',
    warning:
      'If a newer vault.json is in your backup, restore it instead. Accepting is recorded in the audit log, and a copy of the newer file will then be refused as older.',
  },
  'start-new': {
    title: 'Discard the old key and start a new vault?',
    description:
      'The old vault key is removed from the OS keychain and a new, empty vault is created in this folder. A copy of the old vault file can then never be opened.',
    confirmLabel: 'Discard the old key and start a new vault',
    warning: 'Every key of the old vault is lost for good unless you put its vault.json back first.',
  },
};

/** R17: the confirm before leaving the vault screen by accepting an older vault or starting over. */
export function VaultRecoveryDialog({ action, returnFocusId }: { action: VaultRecoveryAction; returnFocusId: string | null }) {
  const error = useDialogError();
  const copy = COPY[action];
  return (
    <ConfirmDialog
      title={copy.title}
      description={copy.description}
      returnFocusId={returnFocusId}
      confirmLabel={copy.confirmLabel}
      tone="danger"
      onConfirm={() => void confirmVaultRecovery(action)}
      error={error}
    >
      <Notice tone="warning" title="This cannot be undone">
        {copy.warning}
      </Notice>
    </ConfirmDialog>
  );
}
