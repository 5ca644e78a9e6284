import type { CustodyApi } from '../../shared/custody-api';

declare global {
  interface Window {
    /** Built by the preload (or the Chromium test bridge) from the shared contract. */
    readonly custody: CustodyApi;
  }
}

export {};
