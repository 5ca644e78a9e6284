import { type ToastTone, useToastStore } from '../state/toast-store';

/** More than this many toasts at once is noise; the oldest go first. */
const MAX_TOASTS = 4;
let nextId = 1;

function push(tone: ToastTone, title: string, description?: string): void {
  const toast = { id: nextId++, tone, title, description };
  useToastStore.setState((s) => ({ toasts: [...s.toasts, toast].slice(-MAX_TOASTS) }));
}

export const notify = {
  success: (title: string, description?: string) => push('success', title, description),
  error: (title: string, description?: string) => push('error', title, description),
  info: (title: string, description?: string) => push('info', title, description),
};

export function dismissToast(id: number): void {
  useToastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}
