/**
 * The page side of the Chromium test bridge, bundled by custody-bridge.ts and injected
 * before the renderer's scripts. It builds `window.custody` with the very factory the preload
 * uses; only the transport differs: calls go to a Playwright binding, events come back through
 * `__custodyBridgeEmit`. Chromium has no webUtils.getPathForFile: a dropped File's path is the one
 * the test registered for its name (CustodyPage.droppable), and '' (as Electron says for a File
 * not on disk) for any other.
 */
import { z } from 'zod';
import { type CustodyTransport, createCustodyApi } from '../../../shared/custody-api';
import type { ChannelName, EventName } from '../../../shared/contract';

type BridgeWindow = Window & {
  __custodyBridgeInvoke?: (channel: ChannelName, request: unknown) => Promise<unknown>;
};

// As in the preload: no zod eval probe under the page's strict CSP.
z.config({ jitless: true });

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
const droppablePaths = new Map<string, string>();

const transport: CustodyTransport = {
  invoke: (channel, request) => {
    const invoke = (window as BridgeWindow).__custodyBridgeInvoke;
    if (!invoke) return Promise.reject(new Error('custody bridge binding missing'));
    return invoke(channel, request);
  },
  subscribe: (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
  pathForFile: (file) => droppablePaths.get(file.name) ?? '',
};

// Like contextBridge: the object cannot be replaced or reconfigured by the page.
Object.defineProperty(window, 'custody', {
  value: createCustodyApi(transport),
  writable: false,
  configurable: false,
  enumerable: true,
});
Object.defineProperty(window, '__custodyBridgeEmit', {
  value: (event: EventName, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
  writable: false,
  configurable: false,
  enumerable: false,
});
Object.defineProperty(window, '__custodyBridgeDroppable', {
  value: (name: string, filePath: string) => void droppablePaths.set(name, filePath),
  writable: false,
  configurable: false,
  enumerable: false,
});
