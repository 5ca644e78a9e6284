/**
 * The native menus (File — Add workflow, Import key, Decrypt…, Audit log, Settings, Back up vault…, Restore…,
 * Lock, Quit; Edit; View; Help — Keyboard shortcuts, About). Labels and accelerators come from shared/shortcuts.ts, the
 * table the Keyboard shortcuts dialog lists. Items that belong to the UI push a 'menu.command' event to the renderer, which
 * opens the matching screen or dialog. Pure: index.ts builds the Electron Menu from it.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { EventPayloadOf } from '../../shared/contract';
import { MENU_SHORTCUTS, type MenuShortcut } from '../../shared/shortcuts';

export type MenuCommand = EventPayloadOf<'menu.command'>['command'];

export interface MenuActions {
  command(command: MenuCommand): void;
  /** R15: locks the vault now, in main (works whatever the page shows). */
  lock(): void;
  openWorkflowsDocs(): void;
}

/** A menu item named and bound as the shortcuts table says. */
function shortcutItem(shortcut: MenuShortcut, click: () => void): MenuItemConstructorOptions {
  const { label, accelerator } = MENU_SHORTCUTS[shortcut];
  return { label, accelerator, click };
}

export function appMenuTemplate(
  platform: NodeJS.Platform,
  productName: string,
  actions: MenuActions,
  options: { devTools: boolean },
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${productName}`, click: () => actions.command('about') };

  const macAppMenu: MenuItemConstructorOptions = {
    label: productName,
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      shortcutItem('add-workflow', () => actions.command('add-workflow')),
      shortcutItem('import-key', () => actions.command('import-key')),
      shortcutItem('decrypt', () => actions.command('decrypt')),
      { type: 'separator' },
      shortcutItem('audit', () => actions.command('audit')),
      shortcutItem('settings', () => actions.command('settings')),
      { type: 'separator' },
      { label: 'Back up vault…', click: () => actions.command('backup') },
      { label: 'Restore…', click: () => actions.command('restore') },
      { type: 'separator' },
      shortcutItem('lock', () => actions.lock()),
      ...(isMac ? [] : ([{ type: 'separator' }, { role: 'quit' }] as MenuItemConstructorOptions[])),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.devTools
        ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
        : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      shortcutItem('shortcuts', () => actions.command('shortcuts')),
      { label: 'Kinde workflows documentation', click: () => actions.openWorkflowsDocs() },
      { type: 'separator' },
      about,
    ],
  };

  return [
    ...(isMac ? [macAppMenu] : []),
    file,
    edit,
    view,
    ...(isMac ? [{ role: 'windowMenu' } as MenuItemConstructorOptions] : []),
    help,
  ];
}
