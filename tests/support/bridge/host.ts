/**
 * The bridge host: the main-process side of the Chromium test bridge, one Node process per page.
 * It wires what electron/main/index.ts wires — the custody core over the real
 * keychain (keytar), the same createHandlers, dispatch and start-up — with a test desktop port in
 * place of Electron's clipboard and dialogs. Its environment (CUSTODY_HOME,
 * CUSTODY_KEYCHAIN_SERVICE, DBUS_SESSION_BUS_ADDRESS) is the scenario's: libsecret keeps its bus
 * connection per process, so each scenario gets its own process.
 *
 * Key material passes through here (keys.add answers, the clipboard): never log a message.
 */
import { Custody, VAULT_KEY_ACCOUNT, createKeytarSecretStore, resolveLocation } from '../../../electron/custody';
import { createBatchManager } from '../../../electron/main/decrypt-batches';
import type { DesktopPort } from '../../../electron/main/desktop-port';
import { describeUnexpectedError, dispatch } from '../../../electron/main/ipc-dispatch';
import type { EmitEvent } from '../../../electron/main/emit-event';
import { createHandlers } from '../../../electron/main/ipc-handlers';
import { openVaultOnStart } from '../../../electron/main/vault-startup';
import { createVaultSession } from '../../../electron/main/vault-session';
import { watchVaultFolder } from '../../../electron/main/vault-watcher';
import type { HostMessage, HostRequest } from './host-messages';

function send(message: HostMessage): void {
  process.send?.(message);
}

const location = resolveLocation(process.env);
const secrets = createKeytarSecretStore();
const custody = new Custody({ location, secrets });

const clipboard: string[] = [];
let captureFiles: string[] = [];
let exportPath: string | null = null;
const desktop: DesktopPort = {
  writeClipboard: (text) => {
    clipboard.push(text);
  },
  chooseCaptureFiles: async () => {
    const chosen = captureFiles;
    captureFiles = [];
    return chosen;
  },
  chooseExportPath: async () => exportPath,
};

const emit: EmitEvent = (name, payload) => send({ type: 'event', name, payload });
// The first-run passphrase offer only where a scenario asks for it: the fixture reloads the page
// after its first load, so the offer could land on either load and cover what a scenario clicks.
let createdAtStart = false;
const startup = openVaultOnStart(custody, () => (createdAtStart = process.env.CUSTODY_BRIDGE_FIRST_RUN === '1'));
// A scenario may give smaller batch limits than the contract's, to reach them with a few captures.
const limits = process.env.CUSTODY_BRIDGE_BATCH_LIMITS ? JSON.parse(process.env.CUSTODY_BRIDGE_BATCH_LIMITS) : undefined;
const batches = createBatchManager({ custody, emit, workerScript: process.env.CUSTODY_BRIDGE_DECRYPT_WORKER ?? '', limits });
const session = createVaultSession({ custody, stopBatches: () => batches.stopAll(), emit });
// No idle timer here: a scenario locks with the Lock button, the shortcut or vault.lock.
const handlers = createHandlers({ custody, desktop, emit, startup, batches, session, noteActivity: () => undefined });
let stopWatching = (): void => undefined;

async function answer(message: HostRequest): Promise<HostMessage & { type: 'reply' }> {
  switch (message.type) {
    case 'invoke':
      return {
        type: 'reply',
        id: message.id,
        value: await dispatch(message.channel, message.request, handlers, {
          validateResponses: true,
          admit: session.admit,
          onUnexpectedError: (channel, error) =>
            console.error(`[bridge host] ${channel} failed unexpectedly: ${describeUnexpectedError(error)}`),
        }),
      };
    case 'push-status': {
      const status = await handlers['vault.status']({});
      emit('vault.status', status);
      if (createdAtStart && status.state === 'ready') emit('vault.created', {});
      createdAtStart = false;
      return { type: 'reply', id: message.id, value: null };
    }
    case 'set-capture-files':
      captureFiles = [...message.paths];
      return { type: 'reply', id: message.id, value: null };
    case 'set-export-path':
      exportPath = message.path;
      return { type: 'reply', id: message.id, value: null };
    case 'clipboard':
      return { type: 'reply', id: message.id, value: [...clipboard] };
    case 'shutdown':
      stopWatching();
      await batches.stopAll();
      custody.lock();
      if (message.forgetVaultKey) {
        // Best effort: in a "no Secret Service" scenario there is nothing to forget.
        await secrets.delete(location.keychainService, VAULT_KEY_ACCOUNT).catch(() => false);
      }
      return { type: 'reply', id: message.id, value: null };
  }
}

process.on('message', (message: HostRequest) => {
  answer(message)
    .then((reply) => {
      send(reply);
      if (message.type === 'shutdown') process.disconnect();
    })
    .catch((error: unknown) => {
      console.error(`[bridge host] ${message.type} failed: ${describeUnexpectedError(error)}`);
      send({
        type: 'reply',
        id: message.id,
        value: { ok: false, error: { code: 'INTERNAL', message: 'The bridge host failed.' } },
      });
    });
});

startup
  .then(async (status) => {
    await session.started(status);
    if (status.state === 'ready' || status.state === 'locked')
      stopWatching = watchVaultFolder(custody.home, () => emit('vault.changed', { reason: 'vault-folder' }));
    send({ type: 'ready', status });
  })
  .catch((error: unknown) => {
    console.error(`[bridge host] start-up failed: ${describeUnexpectedError(error)}`);
    process.exit(1);
  });
