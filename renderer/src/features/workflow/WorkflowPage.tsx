import type { WorkflowSummary } from '../../../../shared/domain';
import { openDecrypt } from '../../actions/decrypt-actions';
import { plural } from '../../lib/format';
import { WorkflowBadges } from '../../ui/badges';
import { UnlockIcon } from '../../ui/icons';
import { PageHeading } from '../shell/PageHeading';
import { EncryptionKeysSection } from '../keys/EncryptionKeysSection';
import { RotationDueBanner } from '../keys/RotationDueBanner';
import { WorkflowMenu } from './WorkflowMenu';

export function WorkflowPage({ workflow }: { workflow: WorkflowSummary }) {
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <PageHeading>{workflow.name || workflow.id}</PageHeading>
          <div className="page-subtitle">
            <span className="mono">{workflow.id}</span>
            <WorkflowBadges workflow={workflow} />
            <span>Rotate every {plural(workflow.rotationDays, 'day')}</span>
          </div>
          {workflow.notes && <p className="section-description">{workflow.notes}</p>}
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => openDecrypt(workflow.id)}>
            <UnlockIcon />
            Decrypt
          </button>
          <WorkflowMenu workflow={workflow} />
        </div>
      </header>
      <RotationDueBanner workflow={workflow} />
      <EncryptionKeysSection workflow={workflow} />
    </div>
  );
}
