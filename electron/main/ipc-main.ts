/**
 * The only module that touches ipcMain and webContents.send (the linter enforces it). Every
 * contract channel is registered here through one wrapper: sender check, then ipc-dispatch.ts
 * (request validation, handler, Result envelope).
 */
import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { CHANNEL_NAMES, type EventName, type EventPayloadOf, events } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { type DispatchOptions, type Handlers, dispatch } from './ipc-dispatch';
import { type TrustedOrigins, checkSender } from './sender-check';

export interface IpcOptions extends DispatchOptions {
  trusted: TrustedOrigins;
  /** Told when a request is refused for its sender; gets the reason, never the request. */
  onRefusedSender?: (channel: string, reason: string) => void;
}

const REFUSED_SENDER: Result<never> = {
  ok: false,
  error: {
    code: 'INVALID_INPUT',
    message: 'This request did not come from the app window and was refused. Nothing was changed.',
  },
};

/** Returns a function that removes every handler again. */
export function registerIpcHandlers(handlers: Handlers, options: IpcOptions): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, request: unknown) => {
      // Read before anything is awaited: Electron sets senderFrame to null afterwards.
      const verdict = checkSender(event.senderFrame, options.trusted);
      if (!verdict.trusted) {
        options.onRefusedSender?.(channel, verdict.reason);
        return REFUSED_SENDER;
      }
      return dispatch(channel, request, handlers, options);
    });
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(channel);
  };
}

/** Pushes a contract event to one window; a payload the contract rejects is a bug and is not sent. */
export function sendEvent<E extends EventName>(win: BrowserWindow, name: E, payload: EventPayloadOf<E>): void {
  if (win.isDestroyed()) return;
  const checked = events[name].safeParse(payload);
  if (!checked.success) {
    console.error(`[ipc] event ${name} was not sent: its payload does not match the contract`);
    return;
  }
  win.webContents.send(name, checked.data);
}
