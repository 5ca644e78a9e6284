import { chooseRestore } from '../../actions/backup-actions';
import { FolderIcon } from '../../ui/icons';

/** R16 where there is no vault to open (a new computer, a vault file gone): restore a backup instead. */
export function RestoreButton({ id, disabled }: { id: string; disabled: boolean }) {
  return (
    <button type="button" id={id} className="button" onClick={() => void chooseRestore(id)} disabled={disabled}>
      <FolderIcon />
      Restore from a backup…
    </button>
  );
}
