import { custody } from '../client/custody';
import { useBackupStore } from '../state/backup-store';

/** R16: reads "last backup" again (after unlock and after every change); a refusal leaves what was shown. */
export async function loadBackupStatus(): Promise<void> {
  const result = await custody().backup.status();
  if (result.ok) useBackupStore.setState({ status: result.value });
}
