import { type RefObject, useEffect } from 'react';

/**
 * Toasts never cover content: while any is shown, the height of their stack is published as
 * --toast-space, and the main area (layout.css) ends that far above the window's bottom, so the
 * last row of a table or a form's buttons stay in view above the corner they sit in.
 */
export function useToastSpace(viewport: RefObject<HTMLElement | null>, count: number): void {
  useEffect(() => {
    const root = document.documentElement;
    const element = viewport.current;
    if (count === 0 || !element) {
      root.style.setProperty('--toast-space', '0px');
      return;
    }
    const publish = () => root.style.setProperty('--toast-space', `${element.offsetHeight}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(element);
    return () => observer.disconnect();
  }, [viewport, count]);
}
