import { closeDialog } from '../../actions/dialog-actions';
import { AppDialog } from '../../ui/AppDialog';
import { SetPassphraseForm, WITHOUT_PASSPHRASE } from '../settings/PassphraseForms';

/** Right after "Create vault": the passphrase is recommended, and can be set later in Settings. */
export function FirstRunPassphraseDialog({ returnFocusId }: { returnFocusId: string | null }) {
  return (
    <AppDialog
      title="Protect the vault with a passphrase"
      description={`Recommended. ${WITHOUT_PASSPHRASE} You can set one later in Settings.`}
      returnFocusId={returnFocusId}
      onRequestClose={closeDialog}
    >
      <SetPassphraseForm
        onDone={closeDialog}
        skipButton={
          <button type="button" className="button" onClick={closeDialog}>
            Skip for now
          </button>
        }
      />
    </AppDialog>
  );
}
