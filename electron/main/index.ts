/**
 * The composition root (docs/architecture.md): the one place that wires the custody core, the
 * keychain adapter, the IPC handlers, the window, the protocol and the menus.
 */
import { BrowserWindow, Menu, app, session, shell } from 'electron';
import path from 'node:path';
import { Custody, PRODUCT_NAME, browserDataPath, createKeytarSecretStore, resolveLocation } from '../custody';
import { appMenuTemplate } from './app-menu';
import { clipboardSeconds } from './clipboard-seconds';
import { startAutoLock } from './auto-lock';
import { createAutoLockPolicy } from './auto-lock-policy';
import { createBatchManager } from './decrypt-batches';
import { startDeletionPurges } from './deletion-purges';
import { registerAppScheme, serveRendererOverAppProtocol } from './app-protocol';
import { APP_ENTRY_URL, APP_ORIGIN } from './app-url';
import { createElectronClipboardPort } from './electron-clipboard-port';
import { createElectronDesktopPort } from './electron-desktop-port';
import { WORKFLOWS_DOCS_URL, isAllowedExternalUrl } from './external-links';
import { describeUnexpectedError } from './ipc-dispatch';
import type { EmitEvent } from './emit-event';
import { createHandlers } from './ipc-handlers';
import { registerIpcHandlers, sendEvent } from './ipc-main';
import { createMainWindow } from './main-window';
import { createRevealHandles } from './reveal-handles';
import { createSecretClipboard } from './secret-clipboard';
import { createSimulateConsent } from './simulate-consent';
import { openVaultOnStart } from './vault-startup';
import { forgetSecretsOnLock } from './forget-secrets-on-lock';
import { createVaultSession } from './vault-session';
import { watchVaultFolder } from './vault-watcher';
import { hardenSession, hardenWebContents } from './window-security';

function logUnexpected(context: string, error: unknown): void {
  console.error(`[custody] ${context} failed unexpectedly: ${describeUnexpectedError(error)}`);
}

function start(): void {
  // All three must happen before `ready`. Chromium's own data (caches, storage) is kept out of the
  // vault folder, which is the default userData on macOS and Linux.
  registerAppScheme();
  app.enableSandbox();
  app.setPath('sessionData', browserDataPath());

  // `npm run dev` serves the renderer from Vite's dev server; a packaged app never does.
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  const trusted = devServerOrigin ? [devServerOrigin] : [APP_ORIGIN];
  const requestOrigins = devServerOrigin ? [devServerOrigin, devServerOrigin.replace(/^http/, 'ws')] : [APP_ORIGIN];
  const devTools = !app.isPackaged;

  let mainWindow: BrowserWindow | null = null;
  const custody = new Custody({ location: resolveLocation(), secrets: createKeytarSecretStore() });
  const emit: EmitEvent = (name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) sendEvent(win, name, payload);
  };
  // After `ready`: on macOS the keychain may ask the user, which needs a running app.
  let createdAtStart = false;
  const startup = app.whenReady().then(() => openVaultOnStart(custody, () => (createdAtStart = true)));
  const batches = createBatchManager({ custody, emit, workerScript: path.join(__dirname, 'decrypt-worker.js') });
  const desktop = createElectronDesktopPort(() => mainWindow);
  const reveals = createRevealHandles({ onLiveChange: (anyLive) => desktop.setContentProtection(anyLive) });
  const clipboard = createSecretClipboard({
    port: createElectronClipboardPort(),
    platform: process.platform,
    clipboardSeconds: clipboardSeconds(custody),
    // A Wayland compositor lets only the focused window touch the clipboard.
    clearsWithoutFocus: !(process.platform === 'linux' && process.env.XDG_SESSION_TYPE === 'wayland'),
  });
  const simulate = createSimulateConsent(() => desktop.confirmSimulate());
  const vaultSession = createVaultSession({
    custody,
    stopBatches: () => batches.stopAll(),
    emit,
    onUnexpectedError: logUnexpected,
  });
  forgetSecretsOnLock(vaultSession, { reveals, simulate, clipboard });
  const autoLockPolicy = createAutoLockPolicy(() => Date.now());
  const handlers = createHandlers({
    custody,
    desktop,
    emit,
    startup,
    batches,
    clipboard,
    reveals,
    simulate,
    session: vaultSession,
    noteActivity: () => autoLockPolicy.noteAppInput(),
  });
  const openExternal = (url: string) => {
    if (isAllowedExternalUrl(url)) shell.openExternal(url).catch((error: unknown) => logUnexpected('opening a link', error));
  };
  let stopWatching = (): void => undefined;
  let stopAutoLock = (): void => undefined;
  let stopPurges = (): void => undefined;

  const openWindow = (): BrowserWindow => {
    const win = createMainWindow({
      preloadPath: path.join(__dirname, '../preload/index.js'),
      entryUrl: devServerUrl ?? APP_ENTRY_URL,
      devTools,
    });
    // On every load (also a reload) the page gets the vault's state without having to ask, and
    // batches a previous page started (with their plaintext) are dropped: nothing shows them now.
    // Reveal handles die with the page that held them (R14).
    win.webContents.on('did-finish-load', () => {
      reveals.forgetAll();
      void batches.stopAll();
      handlers['vault.status']({})
        .then((status) => {
          sendEvent(win, 'vault.status', status);
          // The first page to load after the vault was created offers the passphrase.
          if (createdAtStart && status.state === 'ready') sendEvent(win, 'vault.created', {});
          createdAtStart = false;
        })
        .catch((error: unknown) => logUnexpected('pushing the vault status', error));
    });
    // Keys typed in the window count as the app's own input (the page reports clicks and scrolls).
    win.webContents.on('before-input-event', () => autoLockPolicy.noteAppInput());
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    return win;
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, trusted, openExternal));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // R15: quitting locks first (batches record their summaries, the lock is audited), then quits.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    stopWatching();
    stopPurges();
    stopAutoLock();
    vaultSession
      .lock('quit')
      .catch((error: unknown) => logUnexpected('locking on quit', error))
      .finally(() => {
        custody.lock();
        app.quit();
      });
  });
  app.on('render-process-gone', (_event, _contents, details) =>
    console.error(`[custody] renderer process gone: ${details.reason}`),
  );

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, requestOrigins);
      serveRendererOverAppProtocol(path.join(__dirname, '../renderer'));
      registerIpcHandlers(handlers, {
        trusted,
        admit: vaultSession.admit,
        validateResponses: !app.isPackaged,
        onUnexpectedError: (channel, error) => logUnexpected(channel, error),
        onRefusedSender: (channel, reason) => console.warn(`[ipc] ${channel} refused: ${reason}`),
      });
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          appMenuTemplate(
            process.platform,
            PRODUCT_NAME,
            {
              command: (command) => emit('menu.command', { command }),
              lock: () => void vaultSession.lock('command'),
              openWorkflowsDocs: () => openExternal(WORKFLOWS_DOCS_URL),
            },
            { devTools },
          ),
        ),
      );
      mainWindow = openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
      });
      const status = await startup;
      await vaultSession.started(status);
      stopAutoLock = startAutoLock(vaultSession, autoLockPolicy);
      if (status.state === 'ready' || status.state === 'locked')
        stopWatching = watchVaultFolder(custody.home, () => emit('vault.changed', { reason: 'vault-folder' }));
      stopPurges = startDeletionPurges({
        purge: () => custody.purgeDueDeletions(),
        onPurged: () => emit('vault.changed', { reason: 'keys.purge' }),
      });
    })
    .catch((error: unknown) => {
      logUnexpected('start-up', error);
      app.exit(1);
    });
}

// One instance at a time: a second launch focuses the first window instead of opening another.
if (app.requestSingleInstanceLock()) start();
else app.quit();
