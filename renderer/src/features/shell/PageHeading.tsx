import { type ReactNode, useEffect, useRef } from 'react';
import { FOCUS_FALLBACK_ID } from '../../ui/AppDialog';

/**
 * A screen's h1, and where focus lands when a dialog's opener no longer exists. A screen opened
 * from the navigation takes focus so a screen reader announces it; picking a workflow in the
 * sidebar does not, so the keyboard stays in the list.
 */
export function PageHeading({ children, focusOnMount = false }: { children: ReactNode; focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <h1 className="page-title" id={FOCUS_FALLBACK_ID} ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
