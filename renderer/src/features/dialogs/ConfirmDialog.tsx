import type { ReactNode } from 'react';
import type { CustodyErrorShape } from '../../../../shared/errors';
import { closeDialog } from '../../actions/dialog-actions';
import { AppDialog } from '../../ui/AppDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Spinner } from '../../ui/Spinner';
import { useDialogBusy } from './useDialogState';

interface ConfirmDialogProps {
  title: string;
  description: ReactNode;
  returnFocusId: string | null;
  confirmLabel: string;
  /** Danger for what cannot be undone (deactivate, delete, remove). */
  tone: 'primary' | 'danger';
  canConfirm?: boolean;
  onConfirm: () => void;
  error: CustodyErrorShape | null;
  children?: ReactNode;
}

/** R9: the question asked before a change, with Cancel and the change itself, named. */
export function ConfirmDialog({
  title,
  description,
  returnFocusId,
  confirmLabel,
  tone,
  canConfirm = true,
  onConfirm,
  error,
  children,
}: ConfirmDialogProps) {
  const busy = useDialogBusy();
  return (
    <AppDialog
      title={title}
      description={description}
      returnFocusId={returnFocusId}
      onRequestClose={closeDialog}
      role="alertdialog"
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog} disabled={busy}>
            Cancel
          </button>
          <button
            type="button"
            className={tone === 'danger' ? 'button button-danger' : 'button button-primary'}
            onClick={onConfirm}
            disabled={busy || !canConfirm}
          >
            {busy && <Spinner />}
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error && <ErrorNotice error={error} />}
    </AppDialog>
  );
}
