import { openBackupDialog } from '../../actions/backup-actions';
import { backupAge, formatDateTime } from '../../lib/format';
import { useBackupStore } from '../../state/backup-store';
import { DownloadIcon } from '../../ui/icons';
import './LastBackup.css';

/**
 * R16: "Last backup: 12 days ago", and a nudge when workflows or keys changed since. `compact` is
 * the sidebar's one line; Settings shows the time too.
 */
export function LastBackup({ compact = false, buttonId }: { compact?: boolean; buttonId: string }) {
  const status = useBackupStore((s) => s.status);
  if (status === null) return null;
  const age = backupAge(status.lastBackupAt, new Date());
  const nudge = status.changedSinceBackup;
  return (
    <div
      className={`last-backup${compact ? ' last-backup-compact' : ''}${nudge ? ' last-backup-nudge' : ''}`}
      role="status"
      aria-label="Last backup"
    >
      <p className="last-backup-text">
        <span className="last-backup-age">Last backup: {age}</span>
        {!compact && status.lastBackupAt && <span className="last-backup-time"> ({formatDateTime(status.lastBackupAt)})</span>}
        {nudge && (
          <span className="last-backup-changed">
            {status.lastBackupAt ? 'Keys changed since the last backup.' : 'This vault has never been backed up.'}
          </span>
        )}
      </p>
      <button
        type="button"
        id={buttonId}
        className={`button button-small${nudge ? ' button-primary' : ''}`}
        onClick={() => openBackupDialog(buttonId)}
      >
        <DownloadIcon />
        Back up now
      </button>
    </div>
  );
}
