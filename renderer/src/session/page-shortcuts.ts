import { openShortcuts } from '../actions/dialog-actions';

/** Typing a "?" into a field is text, not a command. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The keys the page answers itself (shared/shortcuts.ts lists them): Ctrl/Cmd+/ (also the Help menu's
 * accelerator, for the browser bridge, which has no menu) and "?" outside a field open Keyboard shortcuts.
 */
export function listenForPageShortcuts(target: Window): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    const slash = (event.ctrlKey || event.metaKey) && event.key === '/';
    const question = event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
    if (!slash && !question) return;
    event.preventDefault();
    openShortcuts();
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
