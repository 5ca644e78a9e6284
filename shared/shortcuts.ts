/**
 * The keyboard shortcuts, in one table: the native menu takes its items' labels and accelerators
 * from it (electron/main/app-menu.ts) and Help → Keyboard shortcuts lists it, so the two cannot
 * drift. Accelerators are in Electron's syntax; `formatAccelerator` turns one into what a person
 * reads on their platform.
 */

export const MENU_SHORTCUTS = {
  'add-workflow': { label: 'Add workflow…', accelerator: 'CmdOrCtrl+N' },
  'import-key': { label: 'Import key…', accelerator: 'CmdOrCtrl+I' },
  decrypt: { label: 'Decrypt…', accelerator: 'CmdOrCtrl+D' },
  audit: { label: 'Audit log', accelerator: 'CmdOrCtrl+Shift+A' },
  settings: { label: 'Settings…', accelerator: 'CmdOrCtrl+,' },
  /** R15: where password managers put Lock; the audit log is Shift+A, not L. */
  lock: { label: 'Lock', accelerator: 'CmdOrCtrl+L' },
  shortcuts: { label: 'Keyboard shortcuts', accelerator: 'CmdOrCtrl+/' },
} as const satisfies Record<string, { label: string; accelerator: string }>;

export type MenuShortcut = keyof typeof MENU_SHORTCUTS;

/** Keys the page itself answers, whatever the menu: listed beside the menu's. */
export const PAGE_SHORTCUTS: readonly { label: string; keys: string }[] = [
  { label: 'Keyboard shortcuts, outside a text field', keys: '?' },
  { label: 'Go to the notifications', keys: 'F8' },
  { label: 'Close a dialog or a menu', keys: 'Escape' },
];

const MAC_SYMBOLS: Record<string, string> = { CmdOrCtrl: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };

/** "CmdOrCtrl+Shift+A" reads "Ctrl+Shift+A" on Windows and Linux and "⇧⌘A" on macOS (modifiers in Apple's order). */
export function formatAccelerator(accelerator: string, mac: boolean): string {
  const parts = accelerator.split(/\+(?=.)/);
  if (!mac) return parts.map((part) => (part === 'CmdOrCtrl' ? 'Ctrl' : part)).join('+');
  const order = ['Ctrl', 'Alt', 'Shift', 'CmdOrCtrl'];
  const modifiers = parts.filter((part) => order.includes(part)).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const key = parts.filter((part) => !order.includes(part)).join('+');
  return `${modifiers.map((m) => MAC_SYMBOLS[m] ?? m).join('')}${key}`;
}
