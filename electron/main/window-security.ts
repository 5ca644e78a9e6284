/**
 * The window's security settings and the decisions its handlers take (Electron's checklist
 * items 2–4, 6, 11–14, 16). Pure: the structural types below are the few members of Electron's
 * WebContents and Session we use, so unit tests drive these functions with fakes.
 */
import { isAllowedExternalUrl } from './external-links';
import { type TrustedOrigins, originOf } from './sender-check';

/** Exported so a unit test asserts every setting; main-window.ts passes it to BrowserWindow. */
export function secureWebPreferences(preloadPath: string, options: { devTools: boolean }) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Middle-click would otherwise try to open links in a new window.
    disableBlinkFeatures: 'Auxclick',
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools,
  } as const;
}

/**
 * The renderer is a single page: any navigation is refused, even within the app origin, except
 * a reload of the page itself (same URL), which Electron also reports as a navigation.
 */
export function isNavigationAllowed(targetUrl: string, currentUrl: string, trusted: TrustedOrigins): boolean {
  const origin = originOf(targetUrl);
  return origin !== null && trusted.includes(origin) && targetUrl === currentUrl;
}

export type WindowOpenDecision = { action: 'deny'; openExternally: string | null };

/** New windows are always denied; an allow-listed https link opens in the OS browser instead. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url) ? url : null };
}

/** Camera, microphone, notifications, clipboard read, HID, serial…: the app needs none. */
export function decidePermission(): false {
  return false;
}

/**
 * No network request ever: only the app's own origin may load, plus DevTools' own
 * pages and blob: URLs the page made itself (their origin is the one inside).
 */
export function isRequestAllowed(url: string, trusted: TrustedOrigins): boolean {
  if (url.startsWith('devtools://')) return true;
  const origin = originOf(url.startsWith('blob:') ? url.slice('blob:'.length) : url);
  return origin !== null && trusted.includes(origin);
}

interface NavigationEvent {
  preventDefault(): void;
  readonly url?: string;
}

export interface HardenableWebContents {
  getURL(): string;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (event: NavigationEvent, url?: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: NavigationEvent) => void): unknown;
}

export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

export function hardenWebContents(
  contents: HardenableWebContents,
  trusted: TrustedOrigins,
  openExternal: (url: string) => void,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) openExternal(decision.openExternally);
    return { action: decision.action };
  });
  const refuseNavigation = (event: NavigationEvent, url?: string) => {
    const target = event.url ?? url ?? '';
    if (!isNavigationAllowed(target, contents.getURL(), trusted)) event.preventDefault();
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-frame-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenSession(session: HardenableSession, trusted: TrustedOrigins): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(decidePermission()));
  session.setPermissionCheckHandler(() => decidePermission());
  session.setDevicePermissionHandler(() => decidePermission());
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isRequestAllowed(details.url, trusted) }));
}
