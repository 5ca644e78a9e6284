import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from '../../../electron/main/app-menu';
import { MENU_SHORTCUTS } from '../../../shared/shortcuts';

const labels = (items: MenuItemConstructorOptions[]) => items.map((item) => item.label ?? item.role ?? item.type);
const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as () => void)();

describe('appMenuTemplate', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('has File, Edit, View and Help on %s', (platform) => {
    const template = appMenuTemplate(
      platform,
      'Workflow Key Custody',
      { command: vi.fn(), lock: vi.fn(), openWorkflowsDocs: vi.fn() },
      { devTools: false },
    );
    expect(labels(template)).toEqual(expect.arrayContaining(['&File', '&Edit', '&View', '&Help']));
    const file = submenu(template.find((item) => item.label === '&File'));
    expect(labels(file)).toEqual(expect.arrayContaining(['Add workflow…', 'Import key…', 'Decrypt…']));
    const quit = [...file, ...submenu(template[0])].some((item) => item.role === 'quit');
    expect(quit).toBe(true);
  });

  it('pushes the matching menu.command for each UI item', () => {
    const command = vi.fn();
    const template = appMenuTemplate(
      'linux',
      'Workflow Key Custody',
      { command, lock: vi.fn(), openWorkflowsDocs: vi.fn() },
      { devTools: false },
    );
    const file = submenu(template.find((item) => item.label === '&File'));
    const help = submenu(template.find((item) => item.label === '&Help'));
    for (const label of ['Add workflow…', 'Import key…', 'Decrypt…', 'Audit log', 'Settings…'])
      click(file.find((item) => item.label === label));
    click(help.find((item) => item.label === 'Keyboard shortcuts'));
    click(help.find((item) => item.label === 'About Workflow Key Custody'));
    expect(command.mock.calls.map(([c]) => c)).toEqual([
      'add-workflow',
      'import-key',
      'decrypt',
      'audit',
      'settings',
      'shortcuts',
      'about',
    ]);
  });

  it('offers File → Back up vault… and Restore… (R16), each pushing its menu.command', () => {
    const command = vi.fn();
    const template = appMenuTemplate(
      'linux',
      'Workflow Key Custody',
      { command, lock: vi.fn(), openWorkflowsDocs: vi.fn() },
      { devTools: false },
    );
    const file = submenu(template.find((item) => item.label === '&File'));
    for (const label of ['Back up vault…', 'Restore…']) click(file.find((item) => item.label === label));
    expect(command.mock.calls.map(([c]) => c)).toEqual(['backup', 'restore']);
  });

  it('locks from File → Lock with Ctrl/Cmd+L; the audit log moved to Ctrl/Cmd+Shift+A', () => {
    const lock = vi.fn();
    const template = appMenuTemplate('linux', 'X', { command: vi.fn(), lock, openWorkflowsDocs: vi.fn() }, { devTools: false });
    const file = submenu(template.find((item) => item.label === '&File'));
    const item = (label: string) => file.find((i) => i.label === label);
    expect(item('Lock')?.accelerator).toBe('CmdOrCtrl+L');
    expect(item('Audit log')?.accelerator).toBe('CmdOrCtrl+Shift+A');
    click(item('Lock'));
    expect(lock).toHaveBeenCalledOnce();
  });

  it('takes every shortcut from the one table the Keyboard shortcuts dialog lists', () => {
    const template = appMenuTemplate(
      'linux',
      'X',
      { command: vi.fn(), lock: vi.fn(), openWorkflowsDocs: vi.fn() },
      { devTools: false },
    );
    const bound = template
      .flatMap((menu) => submenu(menu))
      .filter((item) => item.accelerator !== undefined)
      .map((item) => ({ label: item.label, accelerator: item.accelerator }));
    expect(bound).toEqual(expect.arrayContaining(Object.values(MENU_SHORTCUTS)));
    expect(bound).toHaveLength(Object.keys(MENU_SHORTCUTS).length);
  });

  it('offers DevTools only when asked (development builds)', () => {
    const roles = (devTools: boolean) =>
      submenu(
        appMenuTemplate('linux', 'X', { command: vi.fn(), lock: vi.fn(), openWorkflowsDocs: vi.fn() }, { devTools }).find(
          (i) => i.label === '&View',
        ),
      ).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
