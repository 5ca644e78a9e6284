/**
 * The `app://` scheme: registered as privileged before `ready` (standard and secure,
 * never bypassCSP), then served from the renderer folder by app-protocol-response.ts.
 */
import { protocol } from 'electron';
import { respondToAppRequest } from './app-protocol-response';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-url';

/** Must run before the app's `ready` event. Electron honours one call, so every scheme goes here. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

export function serveRendererOverAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request.method, request.url, rendererRoot));
}
