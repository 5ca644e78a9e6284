import { useState } from 'react';
import { createBackup } from '../../actions/backup-actions';
import { Notice } from '../../ui/Notice';
import { PasswordField, newPassphraseProblem } from '../settings/PassphraseForms';
import { FormDialog } from './FormDialog';
import { useDialogError } from './useDialogState';

/** R16: the backup passphrase, typed twice; main's save dialog then asks where the file goes. */
export function BackupDialog({ returnFocusId }: { returnFocusId: string | null }) {
  const error = useDialogError();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const problem = passphrase === '' && repeat === '' ? null : newPassphraseProblem(passphrase, repeat);
  return (
    <FormDialog
      title="Back up vault"
      description="One file holding every workflow, key, setting and the audit log, sealed under a backup passphrase. You choose where to save it next."
      returnFocusId={returnFocusId}
      formId="backup-form"
      submitLabel="Choose where to save…"
      canSubmit={passphrase !== '' && problem === null}
      onSubmit={() => void createBackup(passphrase)}
      error={error}
    >
      <PasswordField label="Backup passphrase" value={passphrase} onChange={setPassphrase} autoComplete="new-password" />
      <PasswordField
        label="Backup passphrase again"
        value={repeat}
        onChange={setRepeat}
        autoComplete="new-password"
        error={repeat === '' ? null : problem}
      />
      <Notice tone="warning" title="Without this passphrase the backup cannot be restored">
        It may be the vault’s own passphrase or another one. Keep it apart from the file: anyone holding both holds every key.
      </Notice>
    </FormDialog>
  );
}
