import * as Menu from '@radix-ui/react-dropdown-menu';
import type { WorkflowSummary } from '../../../../shared/domain';
import { openDialog } from '../../actions/dialog-actions';
import { DotsIcon, EditIcon, TrashIcon } from '../../ui/icons';
import '../../ui/menu.css';

const TRIGGER_ID = 'workflow-menu';

/** Non-modal: a modal Radix menu injects a scroll-lock <style> element, which the CSP refuses. */
export function WorkflowMenu({ workflow }: { workflow: WorkflowSummary }) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>
        <button
          type="button"
          id={TRIGGER_ID}
          className="icon-button"
          aria-label={`More actions for workflow ${workflow.name || workflow.id}`}
        >
          <DotsIcon />
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" align="end" sideOffset={4}>
          <Menu.Item
            className="menu-item"
            onSelect={() => openDialog({ kind: 'edit-workflow', workflowId: workflow.id, returnFocusId: TRIGGER_ID })}
          >
            <span className="menu-item-label">
              <EditIcon />
              Edit workflow
            </span>
          </Menu.Item>
          <Menu.Separator className="menu-separator" />
          <Menu.Item
            className="menu-item menu-item-danger"
            onSelect={() => openDialog({ kind: 'remove-workflow', workflowId: workflow.id, returnFocusId: TRIGGER_ID })}
          >
            <span className="menu-item-label">
              <TrashIcon />
              Remove workflow
            </span>
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
