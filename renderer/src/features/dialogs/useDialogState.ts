import { useDialogStore } from '../../state/dialog-store';

export function useDialogBusy(): boolean {
  return useDialogStore((s) => s.busy);
}

export function useDialogError() {
  return useDialogStore((s) => s.error);
}
