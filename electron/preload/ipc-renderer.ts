/**
 * The only module that touches ipcRenderer (the linter enforces it): the transport under
 * `window.custody`. It stays inside the preload's isolated world; the page never sees it, a
 * channel name, or an Electron event object.
 */
import { type IpcRendererEvent, ipcRenderer, webUtils } from 'electron';
import type { CustodyTransport } from '../../shared/custody-api';

export const ipcTransport: CustodyTransport = {
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  subscribe: (event, listener) => {
    // The Electron event (with its sender) is dropped: listeners get the payload only.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
  // Electron's documented way to a dropped file's path; the page only ever holds the File.
  pathForFile: (file) => webUtils.getPathForFile(file),
};
