import { describe, expect, it } from 'vitest';
import { MENU_SHORTCUTS, formatAccelerator } from '../../shared/shortcuts';

describe('formatAccelerator', () => {
  it.each([
    ['CmdOrCtrl+L', 'Ctrl+L', '⌘L'],
    ['CmdOrCtrl+Shift+A', 'Ctrl+Shift+A', '⇧⌘A'],
    ['CmdOrCtrl+,', 'Ctrl+,', '⌘,'],
    ['CmdOrCtrl+/', 'Ctrl+/', '⌘/'],
    ['Alt+CmdOrCtrl++', 'Alt+Ctrl++', '⌥⌘+'],
  ])('%s reads %s on Windows and Linux and %s on macOS', (accelerator, other, mac) => {
    expect(formatAccelerator(accelerator, false)).toBe(other);
    expect(formatAccelerator(accelerator, true)).toBe(mac);
  });

  it('Lock is Ctrl/Cmd+L and the audit log Ctrl/Cmd+Shift+A; no two commands share keys', () => {
    expect(MENU_SHORTCUTS.lock.accelerator).toBe('CmdOrCtrl+L');
    expect(MENU_SHORTCUTS.audit.accelerator).toBe('CmdOrCtrl+Shift+A');
    const accelerators = Object.values(MENU_SHORTCUTS).map((s) => s.accelerator);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
