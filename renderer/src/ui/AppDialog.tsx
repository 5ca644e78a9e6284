import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import './AppDialog.css';

/** Where focus goes when the element that opened a dialog is gone (a deleted key's menu button). */
export const FOCUS_FALLBACK_ID = 'main-heading';

function restoreFocus(event: Event, returnFocusId: string | null): void {
  if (returnFocusId === null) return;
  event.preventDefault();
  const target = document.getElementById(returnFocusId) ?? document.getElementById(FOCUS_FALLBACK_ID);
  target?.focus();
}

interface AppDialogProps {
  title: string;
  description: ReactNode;
  returnFocusId: string | null;
  /** Escape, the backdrop and the Close button all ask through this; the caller decides. */
  onRequestClose: () => void;
  /** A dialog holding something that cannot come back (a revealed key) ignores clicks outside it. */
  dismissOnOutsideClick?: boolean;
  role?: 'dialog' | 'alertdialog';
  /** Wide enough for a 44-character key on one line. */
  wide?: boolean;
  children?: ReactNode;
  /** Left out when the body's own form carries the buttons. */
  footer?: ReactNode;
}

/**
 * Radix Dialog (focus trapped inside, focus restored on close, the rest of the page hidden from
 * screen readers). Its Overlay is not used: it injects a scroll-lock <style> element, which the
 * CSP (style-src 'self') refuses; the window never scrolls as a whole, so a plain backdrop does.
 */
export function AppDialog({
  title,
  description,
  returnFocusId,
  onRequestClose,
  dismissOnOutsideClick = true,
  role = 'dialog',
  wide = false,
  children,
  footer,
}: AppDialogProps) {
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onRequestClose()}>
      <Dialog.Portal>
        <div className="dialog-backdrop" aria-hidden="true" />
        <Dialog.Content
          className={wide ? 'dialog dialog-wide' : 'dialog'}
          role={role}
          aria-modal="true"
          onCloseAutoFocus={(event) => restoreFocus(event, returnFocusId)}
          onInteractOutside={(event) => {
            if (!dismissOnOutsideClick) event.preventDefault();
          }}
        >
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          <Dialog.Description className="dialog-description">{description}</Dialog.Description>
          {children && <div className="dialog-body">{children}</div>}
          {footer && <div className="dialog-footer">{footer}</div>}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
