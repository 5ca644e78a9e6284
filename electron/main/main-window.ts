/** The one application window, created with the settings of window-security.ts. */
import { BrowserWindow, nativeTheme } from 'electron';
import { PRODUCT_NAME } from '../custody';
import { secureWebPreferences } from './window-security';

export interface MainWindowOptions {
  preloadPath: string;
  entryUrl: string;
  devTools: boolean;
}

export function createMainWindow({ preloadPath, entryUrl, devTools }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    // Shown once painted, on the OS theme's background, so there is no white flash in dark mode.
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16161a' : '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, { devTools }),
  });
  win.once('ready-to-show', () => win.show());
  // The page's own URL and Chromium's error code: nothing secret, and the only clue to a blank window.
  win.loadURL(entryUrl).catch((error: Error) => console.error(`[window] the app page did not load: ${error.message}`));
  return win;
}
