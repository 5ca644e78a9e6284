import { useState } from 'react';
import { restoreBackup } from '../../actions/backup-actions';
import { clearDialogError } from '../../actions/dialog-actions';
import { formatDateTime, plural } from '../../lib/format';
import type { Dialog } from '../../state/dialog-store';
import { Notice } from '../../ui/Notice';
import { PasswordField } from '../settings/PassphraseForms';
import { ConfirmDialog } from './ConfirmDialog';
import { useDialogError } from './useDialogState';

/**
 * R16 and R9: what the chosen backup says of itself, and the passphrase that opens it. Over an
 * existing vault the question is styled as dangerous: the vault is replaced (its files kept aside).
 */
export function RestoreDialog({ dialog }: { dialog: Extract<Dialog, { kind: 'restore' }> }) {
  const error = useDialogError();
  const [passphrase, setPassphrase] = useState('');
  const { backup, replacing } = dialog;
  return (
    <ConfirmDialog
      title={replacing ? 'Replace this vault with the backup?' : 'Restore the backup?'}
      description={`Backup made ${formatDateTime(backup.createdAt)}: ${plural(backup.workflows, 'workflow')}, ${plural(backup.keys, 'key')}.`}
      returnFocusId={dialog.returnFocusId}
      confirmLabel={replacing ? 'Replace vault' : 'Restore'}
      tone={replacing ? 'danger' : 'primary'}
      canConfirm={passphrase !== ''}
      onConfirm={() => void restoreBackup(passphrase)}
      error={error}
    >
      <dl className="detail-list">
        <dt>Made</dt>
        <dd>{formatDateTime(backup.createdAt)}</dd>
        <dt>From vault</dt>
        <dd className="mono">{backup.vaultId}</dd>
      </dl>
      {replacing && (
        <Notice tone="danger" title="Every workflow and key in this vault is replaced">
          Its files are first copied, still sealed, into a dated folder beside them. Changes made since the backup are not in it.
        </Notice>
      )}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (passphrase !== '') void restoreBackup(passphrase);
        }}
      >
        <PasswordField
          label="Backup passphrase"
          value={passphrase}
          onChange={(value) => {
            setPassphrase(value);
            clearDialogError();
          }}
          autoComplete="current-password"
          hint="Checked with everything else in the file before anything is written."
        />
      </form>
    </ConfirmDialog>
  );
}
