/**
 * The Chromium test bridge (docs/architecture.md). `openCustodyPage(browser)` serves the
 * built renderer on 127.0.0.1, starts a bridge host process (the main-side handlers over the real
 * keychain, see bridge/host.ts), and gives the page `window.custody` built by the shared factory
 * over a Playwright binding. The sender check of ipc-main.ts is applied to the binding's frame.
 *
 *   const app = await openCustodyPage(browser, { keychain: 'unavailable' });
 *   await app.page.getByRole('button', { name: 'Add workflow' }).click();
 *   expect(await app.host.clipboard()).toHaveLength(1);
 *   await app.close();
 *
 * Run under tests/support/with-secret-service.sh so a Secret Service answers.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Frame, Page } from '@playwright/test';
import type { ChannelName, EventName, RequestOf, ResponseOf } from '../../shared/contract';
import type { VaultStatus } from '../../shared/domain';
import type { Result } from '../../shared/errors';
import { type SenderFrame, checkSender } from '../../electron/main/sender-check';
import type { DesktopRecord, HostCommand, HostMessage, HostRequest } from './bridge/host-messages';
import { serveRenderer } from './bridge/static-server';
import { buildDecryptWorker } from './build-worker';
import { REPO, bundleToCache } from './cached-bundle';
import { type FakeBus, startBareBus } from './no-secret-service';

export const RENDERER_DIR = path.join(REPO, 'out/renderer');

export interface CustodyScenario {
  /**
   * 'available' (default): the Secret Service of this session (with-secret-service.sh).
   * 'unavailable': no Secret Service on the bus, as on a Linux machine without one — start-up
   * reports KEYCHAIN_UNAVAILABLE.
   */
  keychain?: 'available' | 'unavailable';
  /** An existing vault folder (e.g. made by the CLI). Default: a fresh temp folder, removed on close. */
  home?: string;
  /** A keychain service name to reuse. Default: a unique one, whose item is deleted on close. */
  keychainService?: string;
  /** Files the next "open captures" dialog answers with. */
  captureFiles?: string[];
  /** Where the "export audit log" save dialog saves (null: the user cancels). Default: cancel. */
  exportPath?: string | null;
  /** Extra environment for the host process. */
  env?: Record<string, string>;
  /** Options for the browser context, e.g. { colorScheme: 'dark' }. */
  contextOptions?: BrowserContextOptions;
  /** Called with the new page before its first load, e.g. to watch its console from the start. */
  beforeFirstLoad?: (page: Page) => Promise<void>;
}

export interface BridgeHost {
  readonly home: string;
  readonly keychainService: string;
  /** The vault status after the app's start-up (first start initialises the vault). */
  readonly startupStatus: VaultStatus;
  /** Every event pushed to the page, in order. */
  readonly events: ReadonlyArray<{ name: EventName; payload: unknown }>;
  /** Calls a channel directly (for test set-up), through the same dispatch as the page. */
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** Everything written to the clipboard so far (revealed key values: keep them out of logs). */
  clipboard(): Promise<string[]>;
  /** Another program (or the user) puts text on the clipboard, as copying from the Kinde dashboard does. */
  userCopies(text: string): Promise<void>;
  /** What the fake desktop was asked so far, and what the clipboard holds now. */
  desktopRecord(): Promise<DesktopRecord>;
  setCaptureFiles(paths: string[]): Promise<void>;
  setExportPath(path: string | null): Promise<void>;
}

export interface CustodyPage {
  page: Page;
  context: BrowserContext;
  /** The page's URL (the renderer's index.html on the loopback server). */
  url: string;
  host: BridgeHost;
  /**
   * Test-only stand-in for Electron's webUtils.getPathForFile: a File named as one of these
   * paths' last part, dropped on this page, is taken to be that file or folder.
   */
  droppable(paths: string[]): Promise<void>;
  close(): Promise<void>;
}

let bundles: { host: string; page: string; worker: string } | null = null;
function bridgeBundles(): { host: string; page: string; worker: string } {
  bundles ??= {
    host: bundleToCache(path.join(__dirname, 'bridge/host.ts'), 'bridge-host.cjs', 'node'),
    page: bundleToCache(path.join(__dirname, 'bridge/page-entry.ts'), 'bridge-page.js', 'browser'),
    // The decrypt pool's worker, as the app ships it beside main (out/main/decrypt-worker.js).
    worker: buildDecryptWorker(),
  };
  return bundles;
}

/** Playwright's frame, seen as ipc-main.ts sees Electron's senderFrame. */
function senderFrameOf(frame: Frame): SenderFrame {
  const main = frame.page().mainFrame();
  const top: { url: string; top: SenderFrame | null } = { url: main.url(), top: null };
  top.top = top;
  return frame === main ? top : { url: frame.url(), top };
}

class HostProcess implements BridgeHost {
  readonly events: Array<{ name: EventName; payload: unknown }> = [];
  startupStatus!: VaultStatus;
  private nextId = 1;
  private readonly pending = new Map<number, (value: unknown) => void>();
  private readonly eventListeners = new Set<(name: EventName, payload: unknown) => void>();

  constructor(
    private readonly child: ChildProcess,
    readonly home: string,
    readonly keychainService: string,
  ) {
    child.on('message', (message: HostMessage) => {
      if (message.type === 'reply') {
        this.pending.get(message.id)?.(message.value);
        this.pending.delete(message.id);
      } else if (message.type === 'event') {
        this.events.push({ name: message.name, payload: message.payload });
        for (const listener of this.eventListeners) listener(message.name, message.payload);
      }
    });
  }

  ready(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bridge host did not start within ${timeoutMs} ms`)), timeoutMs);
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`bridge host exited during start-up (code ${code})`));
      };
      this.child.once('exit', onExit);
      this.child.on('message', (message: HostMessage) => {
        if (message.type !== 'ready') return;
        clearTimeout(timer);
        this.child.off('exit', onExit);
        this.startupStatus = message.status;
        resolve();
      });
    });
  }

  onEvent(listener: (name: EventName, payload: unknown) => void): void {
    this.eventListeners.add(listener);
  }

  request(message: HostCommand): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (!this.child.connected) {
        reject(new Error('bridge host is not running'));
        return;
      }
      this.pending.set(id, resolve);
      this.child.send({ ...message, id } as HostRequest);
    });
  }

  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
    return this.request({ type: 'invoke', channel, request }) as Promise<Result<ResponseOf<C>>>;
  }

  async clipboard(): Promise<string[]> {
    return (await this.request({ type: 'clipboard' })) as string[];
  }

  async userCopies(text: string): Promise<void> {
    await this.request({ type: 'user-copies', text });
  }

  async desktopRecord(): Promise<DesktopRecord> {
    return (await this.request({ type: 'desktop-record' })) as DesktopRecord;
  }

  async setCaptureFiles(paths: string[]): Promise<void> {
    await this.request({ type: 'set-capture-files', paths });
  }

  async setExportPath(exportPath: string | null): Promise<void> {
    await this.request({ type: 'set-export-path', path: exportPath });
  }

  async shutdown(forgetVaultKey: boolean): Promise<void> {
    if (!this.child.connected) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.request({ type: 'shutdown', forgetVaultKey });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (this.child.exitCode === null) this.child.kill();
  }
}

/**
 * A copy of the built renderer taken once per test worker, so a rebuild of out/ during the run
 * (another terminal, the IDE) cannot pull files from under a page.
 */
let rendererSnapshot: string | null = null;
function snapshotRenderer(): string {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      'out/renderer/index.html is missing: run `npx electron-vite build` (playwright.config.ts does it in globalSetup).',
    );
  }
  if (!rendererSnapshot) {
    const parent = mkdtempSync(path.join(tmpdir(), 'custody-renderer-'));
    process.once('exit', () => rmSync(parent, { recursive: true, force: true }));
    const dir = path.join(parent, 'renderer');
    cpSync(RENDERER_DIR, dir, { recursive: true });
    rendererSnapshot = dir;
  }
  return rendererSnapshot;
}

export async function openCustodyPage(browser: Browser, scenario: CustodyScenario = {}): Promise<CustodyPage> {
  const rendererDir = snapshotRenderer();
  const { host: hostBundle, page: pageBundle, worker: workerBundle } = bridgeBundles();
  const ownHome = scenario.home === undefined;
  const home = scenario.home ?? mkdtempSync(path.join(tmpdir(), 'custody-e2e-'));
  const ownService = scenario.keychainService === undefined;
  const keychainService = scenario.keychainService ?? `workflow-key-custody-e2e-${randomUUID()}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...scenario.env,
    CUSTODY_HOME: home,
    CUSTODY_KEYCHAIN_SERVICE: keychainService,
    CUSTODY_BRIDGE_DECRYPT_WORKER: workerBundle,
  };
  // A real session bus with nothing on it: the keychain fails as on a machine with no Secret Service.
  let bareBus: FakeBus | null = null;
  if (scenario.keychain === 'unavailable') {
    bareBus = await startBareBus();
    env.DBUS_SESSION_BUS_ADDRESS = bareBus.address;
  }

  const server = await serveRenderer(rendererDir);
  const child = fork(hostBundle, [], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  const host = new HostProcess(child, home, keychainService);
  const cleanup = async () => {
    await host.shutdown(ownService).catch(() => undefined);
    await server.close();
    await bareBus?.stop();
    if (ownHome) rmSync(home, { recursive: true, force: true });
  };

  try {
    await host.ready(60_000);
    if (scenario.captureFiles) await host.setCaptureFiles(scenario.captureFiles);
    if (scenario.exportPath !== undefined) await host.setExportPath(scenario.exportPath);

    const context = await browser.newContext(scenario.contextOptions);
    const trusted = [server.origin];
    await context.exposeBinding('__custodyBridgeInvoke', async ({ frame }, channel: unknown, request: unknown) => {
      const verdict = checkSender(senderFrameOf(frame), trusted);
      if (!verdict.trusted) {
        return {
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            message: 'This request did not come from the app window and was refused. Nothing was changed.',
          },
        };
      }
      return host.request({ type: 'invoke', channel: String(channel), request });
    });
    await context.addInitScript({ path: pageBundle });
    const page = await context.newPage();

    host.onEvent((name, payload) => {
      for (const open of context.pages()) {
        open
          .evaluate(
            ([n, p]) =>
              (window as unknown as { __custodyBridgeEmit?: (n: unknown, p: unknown) => void }).__custodyBridgeEmit?.(n, p),
            [name, payload] as const,
          )
          .catch(() => undefined);
      }
    });
    // As main does on did-finish-load: every load of the page gets the vault status pushed.
    page.on('load', () => void host.request({ type: 'push-status' }).catch(() => undefined));

    await scenario.beforeFirstLoad?.(page);
    const url = `${server.origin}/index.html`;
    await page.goto(url);
    return {
      page,
      context,
      url,
      host,
      droppable: (paths) =>
        page.evaluate(
          (named) => {
            const register = (window as unknown as { __custodyBridgeDroppable: (n: string, p: string) => void })
              .__custodyBridgeDroppable;
            for (const [name, filePath] of named) register(name, filePath);
          },
          paths.map((p) => [path.basename(p), p] as const),
        ),
      close: async () => {
        await context.close().catch(() => undefined);
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
