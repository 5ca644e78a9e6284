import * as Toast from '@radix-ui/react-toast';
import type { ReactNode } from 'react';
import { dismissToast } from '../../actions/notify';
import { type ToastTone, useToastStore } from '../../state/toast-store';
import { AlertIcon, CheckIcon, CloseIcon, InfoIcon } from '../../ui/icons';
import './ToastHost.css';

const ICONS: Record<ToastTone, () => ReactNode> = { success: CheckIcon, error: AlertIcon, info: InfoIcon };
/** Errors stay longer: they usually say what to do next. */
const DURATION: Record<ToastTone, number> = { success: 5000, info: 6000, error: 10000 };

/**
 * Radix Toast: announced to screen readers, reachable with F8, paused while hovered or focused.
 * (sonner injects a <style> element at import, which the CSP refuses.)
 */
export function ToastHost({ children }: { children: ReactNode }) {
  const toasts = useToastStore((s) => s.toasts);
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
      <Toast.Viewport className="toast-viewport" />
    </Toast.Provider>
  );
}
