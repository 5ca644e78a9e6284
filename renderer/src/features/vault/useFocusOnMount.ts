import { type RefObject, useEffect, useRef } from 'react';

/** Moves focus to a screen's heading when the screen appears, so a screen reader reads where it is. */
export function useFocusOnMount<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
