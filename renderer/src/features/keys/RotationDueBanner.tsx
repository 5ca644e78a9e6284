import type { WorkflowSummary } from '../../../../shared/domain';
import { rotationAge } from '../../../../shared/rotation';
import { startAddKey } from '../../actions/key-actions';
import { plural } from '../../lib/format';
import { keyName } from '../../lib/key-name';
import { useWorkflowStore } from '../../state/workflow-store';
import { AlertIcon, PlusIcon } from '../../ui/icons';
import '../../ui/Notice.css';
import './RotationDueBanner.css';

const BANNER_ADD_KEY_ID = 'rotation-add-key';

/**
 * R12 on the workflow: its active key is older than the rotation period. The way out is the
 * dashboard's: add a new key, put it in the workflow's code, then activate it here.
 */
export function RotationDueBanner({ workflow }: { workflow: WorkflowSummary }) {
  const active = useWorkflowStore((s) =>
    s.keysWorkflowId === workflow.id ? (s.keys.find((k) => k.id === workflow.activeKeyId) ?? null) : null,
  );
  if (!workflow.rotationDue) return null;
  const days = active?.activatedAt ? rotationAge(active.activatedAt, workflow.rotationDays, new Date()).daysActive : null;
  const subject = active ? `“${keyName(active)}” has been the active key` : 'The active key has been active';
  return (
    <div className="notice notice-warning rotation-banner" role="region" aria-labelledby="rotation-banner-title">
      <AlertIcon />
      <div className="notice-body">
        <span className="notice-title" id="rotation-banner-title">
          Rotation due
        </span>
        <p>
          {subject}
          {days === null ? '' : ` for ${plural(days, 'day')}`}, longer than this workflow’s rotation period of{' '}
          {plural(workflow.rotationDays, 'day')}. Add a new encryption key, put it in your workflow’s code, then activate it here.
        </p>
      </div>
      <button
        type="button"
        id={BANNER_ADD_KEY_ID}
        className="button button-primary"
        onClick={() => startAddKey(workflow.id, BANNER_ADD_KEY_ID)}
      >
        <PlusIcon />
        Add encryption key
      </button>
    </div>
  );
}
