import * as Toast from '@radix-ui/react-toast';
import { type ReactNode, useRef } from 'react';
import { dismissToast } from '../../actions/notify';
import { type ToastTone, useToastStore } from '../../state/toast-store';
import { AlertIcon, CheckIcon, CloseIcon, InfoIcon } from '../../ui/icons';
import './ToastHost.css';
import { useToastSpace } from './useToastSpace';

const ICONS: Record<ToastTone, () => ReactNode> = { success: CheckIcon, error: AlertIcon, info: InfoIcon };
/** Errors stay longer: they usually say what to do next. */
const DURATION: Record<ToastTone, number> = { success: 5000, info: 6000, error: 10000 };

/**
 * Radix Toast: announced to screen readers, reachable with F8, paused while hovered or focused,
 * each with its own Dismiss. Stacked in the bottom-right corner, with the main area kept clear of them
 * (useToastSpace). (sonner injects a <style> element at import, which the CSP refuses.)
 */
export function ToastHost({ children }: { children: ReactNode }) {
  const toasts = useToastStore((s) => s.toasts);
  const viewport = useRef<HTMLOListElement>(null);
  useToastSpace(viewport, toasts.length);
  return (
    <Toast.Provider swipeDirection="right" label="Notification">
      {children}
      {toasts.map((toast) => {
        const Icon = ICONS[toast.tone];
        return (
          <Toast.Root
            key={toast.id}
            className="toast"
            data-tone={toast.tone}
            type={toast.tone === 'error' ? 'foreground' : 'background'}
            duration={DURATION[toast.tone]}
            onOpenChange={(open) => !open && dismissToast(toast.id)}
          >
            <span className="toast-icon">
              <Icon />
            </span>
            <div>
              <Toast.Title className="toast-title">{toast.title}</Toast.Title>
              {toast.description && <Toast.Description className="toast-description">{toast.description}</Toast.Description>}
            </div>
            <Toast.Close className="icon-button toast-close" aria-label="Dismiss notification">
              <CloseIcon />
            </Toast.Close>
          </Toast.Root>
        );
      })}
      <Toast.Viewport ref={viewport} className="toast-viewport" />
    </Toast.Provider>
  );
}
