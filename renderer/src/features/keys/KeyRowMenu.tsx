import * as Menu from '@radix-ui/react-dropdown-menu';
import type { KeyInfo } from '../../../../shared/domain';
import { confirmKeyAction } from '../../actions/key-actions';
import { keyName } from '../../lib/key-name';
import { DotsIcon, PowerIcon, TrashIcon } from '../../ui/icons';
import '../../ui/menu.css';

const ACTIVE_KEY_DELETE_REASON = 'The active key cannot be deleted. Activate another key, or deactivate this one, first.';

function keyMenuId(keyId: string): string {
  return `key-menu-${keyId}`;
}

/**
 * The three-dots menu of a key. Delete stays in the menu on the active key, marked unavailable
 * (still focusable, so the reason is read out) — the core refuses it anyway (R8).
 * Non-modal: a modal Radix menu injects a scroll-lock <style> element, which the CSP refuses.
 */
export function KeyRowMenu({ keyInfo: key }: { keyInfo: KeyInfo }) {
  const triggerId = keyMenuId(key.id);
  const active = key.status === 'active';
  const reasonId = `${triggerId}-delete-reason`;
  const deleteLabelId = `${triggerId}-delete-label`;
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>
        <button type="button" id={triggerId} className="icon-button" aria-label={`Actions for ${keyName(key)}`}>
          <DotsIcon />
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" align="end" sideOffset={4} aria-label={`Actions for ${keyName(key)}`}>
          {active ? (
            <Menu.Item className="menu-item" onSelect={() => confirmKeyAction('deactivate', key, triggerId)}>
              <span className="menu-item-label">
                <PowerIcon />
                Deactivate
              </span>
            </Menu.Item>
          ) : (
            <Menu.Item className="menu-item" onSelect={() => confirmKeyAction('activate', key, triggerId)}>
              <span className="menu-item-label">
                <PowerIcon />
                Activate
              </span>
            </Menu.Item>
          )}
          <Menu.Separator className="menu-separator" />
          <Menu.Item
            className="menu-item menu-item-danger"
            aria-disabled={active || undefined}
            aria-labelledby={deleteLabelId}
            aria-describedby={active ? reasonId : undefined}
            onSelect={(event) => {
              if (active) event.preventDefault();
              else confirmKeyAction('delete', key, triggerId);
            }}
          >
            <span className="menu-item-label" id={deleteLabelId}>
              <TrashIcon />
              Delete key
            </span>
            {active && (
              <span className="menu-item-reason" id={reasonId}>
                {ACTIVE_KEY_DELETE_REASON}
              </span>
            )}
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
