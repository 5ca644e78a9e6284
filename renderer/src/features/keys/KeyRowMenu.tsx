import * as Menu from '@radix-ui/react-dropdown-menu';
import type { ReactNode } from 'react';
import type { KeyInfo } from '../../../../shared/domain';
import { cancelKeyDeletion, confirmKeyAction } from '../../actions/key-actions';
import { keyName } from '../../lib/key-name';
import { DotsIcon, PowerIcon, RefreshIcon, TrashIcon } from '../../ui/icons';
import '../../ui/menu.css';

const ACTIVE_KEY_DELETE_REASON = 'The active key cannot be deleted. Activate another key, or deactivate this one, first.';
const SCHEDULED_KEY_ACTIVATE_REASON = 'A key scheduled for deletion cannot be activated. Cancel the deletion first.';

function keyMenuId(keyId: string): string {
  return `key-menu-${keyId}`;
}

/**
 * A menu item that may be unavailable: it then stays in the menu, marked so (still focusable, so
 * the reason is read out), and choosing it does nothing — the core would refuse it anyway (R9).
 */
function GuardedItem(props: {
  id: string;
  icon: ReactNode;
  label: string;
  /** Why it is unavailable; null when it is available. */
  reason: string | null;
  danger?: boolean;
  onSelect: () => void;
}) {
  const { id, icon, label, reason, danger, onSelect } = props;
  return (
    <Menu.Item
      className={danger ? 'menu-item menu-item-danger' : 'menu-item'}
      aria-disabled={reason ? true : undefined}
      aria-labelledby={`${id}-label`}
      aria-describedby={reason ? `${id}-reason` : undefined}
      onSelect={(event) => {
        if (reason) event.preventDefault();
        else onSelect();
      }}
    >
      <span className="menu-item-label" id={`${id}-label`}>
        {icon}
        {label}
      </span>
      {reason && (
        <span className="menu-item-reason" id={`${id}-reason`}>
          {reason}
        </span>
      )}
    </Menu.Item>
  );
}

/**
 * The three-dots menu of a key. Delete stays in the menu on the active key, marked unavailable
 * (R8); on a key scheduled for deletion Activate is unavailable and Cancel deletion takes Delete's
 * place (R13). Non-modal: a modal Radix menu injects a scroll-lock <style> element, which the CSP
 * refuses.
 */
export function KeyRowMenu({ keyInfo: key }: { keyInfo: KeyInfo }) {
  const triggerId = keyMenuId(key.id);
  const active = key.status === 'active';
  const scheduled = key.deletionScheduledFor !== null;
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
            <Menu.Item className="menu-item" onSelect={() => void confirmKeyAction('deactivate', key, triggerId)}>
              <span className="menu-item-label">
                <PowerIcon />
                Deactivate
              </span>
            </Menu.Item>
          ) : (
            <GuardedItem
              id={`${triggerId}-activate`}
              icon={<PowerIcon />}
              label="Activate"
              reason={scheduled ? SCHEDULED_KEY_ACTIVATE_REASON : null}
              onSelect={() => void confirmKeyAction('activate', key, triggerId)}
            />
          )}
          <Menu.Separator className="menu-separator" />
          {scheduled ? (
            <Menu.Item className="menu-item" onSelect={() => void cancelKeyDeletion(key)}>
              <span className="menu-item-label">
                <RefreshIcon />
                Cancel deletion
              </span>
            </Menu.Item>
          ) : (
            <GuardedItem
              id={`${triggerId}-delete`}
              icon={<TrashIcon />}
              label="Delete key"
              reason={active ? ACTIVE_KEY_DELETE_REASON : null}
              danger
              onSelect={() => void confirmKeyAction('delete', key, triggerId)}
            />
          )}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
