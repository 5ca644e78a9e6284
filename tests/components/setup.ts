/**
 * The components project runs in jsdom, which has no layout engine. What the page relies on from
 * the browser is given here: a box for every element (so virtualised lists render the rows in
 * view), and the observers and scrolling calls that jsdom lacks. Testing Library cleans up after
 * each test.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

const VIEW = { width: 1024, height: 720 };

Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => VIEW.height });
Object.defineProperty(Element.prototype, 'clientWidth', { configurable: true, get: () => VIEW.width });
Element.prototype.scrollTo = () => undefined;
Element.prototype.scrollIntoView = () => undefined;
Element.prototype.hasPointerCapture = () => false;
Element.prototype.releasePointerCapture = () => undefined;

globalThis.ResizeObserver = class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

afterEach(() => cleanup());
