import type { ReactNode } from 'react';
import { closeDialog } from '../../actions/dialog-actions';
import { AppDialog } from '../../ui/AppDialog';

/** A dialog that only informs (About, Keyboard shortcuts): its one button is Close. */
export function InfoDialog({
  title,
  description,
  returnFocusId,
  children,
}: {
  title: string;
  description: string;
  returnFocusId: string | null;
  children: ReactNode;
}) {
  return (
    <AppDialog
      title={title}
      description={description}
      returnFocusId={returnFocusId}
      onRequestClose={closeDialog}
      footer={
        <button type="button" className="button" onClick={closeDialog}>
          Close
        </button>
      }
    >
      {children}
    </AppDialog>
  );
}
