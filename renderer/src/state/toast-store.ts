import { create } from 'zustand';

export type ToastTone = 'success' | 'error' | 'info';

export interface ToastMessage {
  id: number;
  tone: ToastTone;
  title: string;
  description?: string;
}

export interface ToastState {
  toasts: ToastMessage[];
}

export const initialToastState: ToastState = { toasts: [] };

export const useToastStore = create<ToastState>()(() => initialToastState);
