import type { ReactNode } from 'react';
import type { CustodyErrorShape } from '../../../../shared/errors';
import { closeDialog } from '../../actions/dialog-actions';
import { AppDialog } from '../../ui/AppDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import { useDialogBusy } from './useDialogState';
import '../../ui/Field.css';

interface FormDialogProps {
  title: string;
  description: ReactNode;
  returnFocusId: string | null;
  wide?: boolean;
  /** Ties the footer's submit button to the form, since the footer sits outside it. */
  formId: string;
  submitLabel: string;
  canSubmit?: boolean;
  onSubmit: () => void;
  /** The core's refusal when no field of the form shows it. */
  error: CustodyErrorShape | null;
  children: ReactNode;
}

/** A dialog whose body is one form, with Cancel and a submit button that shows the call in flight. */
export function FormDialog({
  title,
  description,
  returnFocusId,
  wide,
  formId,
  submitLabel,
  canSubmit = true,
  onSubmit,
  error,
  children,
}: FormDialogProps) {
  const busy = useDialogBusy();
  return (
    <AppDialog
      title={title}
      description={description}
      wide={wide}
      returnFocusId={returnFocusId}
      onRequestClose={closeDialog}
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog} disabled={busy}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy || !canSubmit}>
            {busy && <Spinner />}
            {submitLabel}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
      {error && <ErrorNotice error={error} />}
    </AppDialog>
  );
}

/** The optional label of a new or imported key. */
export function KeyLabelField({ value, onChange, hint }: { value: string; onChange: (value: string) => void; hint?: string }) {
  return (
    <Field label="Label" optional hint={hint}>
      {(control) => (
        <input
          {...control}
          className="input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          maxLength={200}
          autoComplete="off"
        />
      )}
    </Field>
  );
}
