/**
 * Electron checklist items 2–4, 6 (web preferences), 13 (navigation), 14 (new windows),
 * 5 (permission requests), 15 (openExternal allow-list), plus "no network request ever".
 */
import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl } from '../../../electron/main/external-links';
import {
  type HardenableSession,
  type HardenableWebContents,
  decidePermission,
  decideWindowOpen,
  hardenSession,
  hardenWebContents,
  isNavigationAllowed,
  isRequestAllowed,
  secureWebPreferences,
} from '../../../electron/main/window-security';

const TRUSTED = ['app://custody'];
const PAGE = 'app://custody/index.html';

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and denies Node to the page', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.js', { devTools: false });
    expect(prefs).toEqual({
      preload: '/app/out/preload/index.js',
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
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('navigation', () => {
  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'app://custody/other.html',
    'app://evil/index.html',
    'javascript:alert(1)',
  ])('refuses navigating to %s', (url) => {
    expect(isNavigationAllowed(url, PAGE, TRUSTED)).toBe(false);
  });

  it('allows only a reload of the page itself', () => {
    expect(isNavigationAllowed(PAGE, PAGE, TRUSTED)).toBe(true);
  });
});

describe('new windows', () => {
  it('are always denied', () => {
    for (const url of ['https://evil.example/', 'app://custody/index.html', 'https://docs.kinde.com/workflows/']) {
      expect(decideWindowOpen(url).action).toBe('deny');
    }
  });

  it('open an allow-listed https link in the OS browser instead, and nothing else', () => {
    expect(decideWindowOpen('https://docs.kinde.com/workflows/').openExternally).toBe('https://docs.kinde.com/workflows/');
    expect(decideWindowOpen('https://evil.example/').openExternally).toBeNull();
    expect(decideWindowOpen('file:///etc/passwd').openExternally).toBeNull();
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(['https://docs.kinde.com/workflows/', 'https://DOCS.kinde.com/workflows/'])(
    'allows the documentation URL %s',
    (url) => {
      expect(isAllowedExternalUrl(url)).toBe(true);
    },
  );

  it.each([
    'https://kinde.com/',
    'https://docs.kinde.com/',
    'https://docs.kinde.com/workflows',
    'https://docs.kinde.com/workflows/other-page',
    'https://docs.kinde.com/workflows/?next=https://evil.example/',
    'https://docs.kinde.com/workflows/#fragment',
    'https://docs.kinde.com/workflows/../',
    'http://docs.kinde.com/workflows/',
    'https://docs.kinde.com.evil.example/',
    'https://evil.example/?https://docs.kinde.com',
    'https://user:pass@docs.kinde.com/',
    'https://docs.kinde.com:8443/',
    'file:///Applications/Calculator.app',
    'smb://share/x',
    'ms-msdt:/id',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('permissions and requests', () => {
  it('denies every permission', () => {
    expect(decidePermission()).toBe(false);
  });

  it.each([
    ['app://custody/assets/index.js', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['blob:app://custody/0b5e', true],
    ['https://cdn.example/lib.js', false],
    ['http://127.0.0.1:8080/', false],
    ['blob:https://evil.example/1', false],
    ['ws://localhost:5173/', false],
  ])('request to %s allowed: %s', (url, allowed) => {
    expect(isRequestAllowed(url, TRUSTED)).toBe(allowed);
  });
});

describe('hardenWebContents (with a fake WebContents)', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault(): void; url?: string }, url?: string) => void>();
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
    const contents: HardenableWebContents = {
      getURL: () => PAGE,
      setWindowOpenHandler: (handler) => {
        openHandler = handler;
      },
      on: (event: string, listener: (event: { preventDefault(): void; url?: string }, url?: string) => void) => {
        listeners.set(event, listener);
        return contents;
      },
    };
    const fire = (name: string, url: string) => {
      const event = { preventDefault: vi.fn(), url };
      listeners.get(name)?.(event, url);
      return event.preventDefault;
    };
    return { contents, fire, open: (url: string) => openHandler?.({ url }), listeners };
  }

  it('prevents navigation, frame navigation, redirects and webviews', () => {
    const { contents, fire, listeners } = fakeContents();
    hardenWebContents(contents, TRUSTED, vi.fn());
    expect(fire('will-navigate', 'https://evil.example/')).toHaveBeenCalled();
    expect(fire('will-frame-navigate', 'https://evil.example/')).toHaveBeenCalled();
    expect(fire('will-redirect', 'https://evil.example/')).toHaveBeenCalled();
    expect(fire('will-attach-webview', '')).toHaveBeenCalled();
    expect(fire('will-navigate', PAGE)).not.toHaveBeenCalled();
    expect([...listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ]);
  });

  it('denies window.open, handing only allow-listed links to the OS browser', () => {
    const openExternal = vi.fn();
    const { contents, open } = fakeContents();
    hardenWebContents(contents, TRUSTED, openExternal);
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(open('https://docs.kinde.com/workflows/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://docs.kinde.com/workflows/');
  });
});

describe('hardenSession (with a fake Session)', () => {
  it('denies permission requests and checks, devices, and requests to other origins', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session: HardenableSession = {
      setPermissionRequestHandler: (handler) => void (handlers.request = handler as never),
      setPermissionCheckHandler: (handler) => void (handlers.check = handler as never),
      setDevicePermissionHandler: (handler) => void (handlers.device = handler as never),
      webRequest: { onBeforeRequest: (listener) => void (handlers.beforeRequest = listener as never) },
    };
    hardenSession(session, TRUSTED);

    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      (handlers.request as (c: unknown, p: string, cb: (granted: boolean) => void) => void)({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect((handlers.check as () => boolean)()).toBe(false);
    expect((handlers.device as () => boolean)()).toBe(false);

    const decide = (url: string) => {
      const callback = vi.fn();
      (handlers.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('https://tracker.example/pixel.gif')).toEqual({ cancel: true });
    expect(decide('app://custody/assets/index.js')).toEqual({ cancel: false });
  });
});
