/**
 * The bridge host: the main-process side of the Chromium test bridge, one Node process per page.
 * It wires what electron/main/index.ts wires — the custody core over the real
 * keychain (keytar), the same createHandlers, dispatch and start-up — with a test desktop port in
 * place of Electron's dialogs (the simulate question answered Continue, and recorded) and a
 * recording clipboard in place of the OS clipboard. Its environment (CUSTODY_HOME,
 * CUSTODY_KEYCHAIN_SERVICE, DBUS_SESSION_BUS_ADDRESS) is the scenario's: libsecret keeps its bus
 * connection per process, so each scenario gets its own process.
 *
 * Key material passes through here (keys.add answers, the clipboard): never log a message.
 */
import { Custody, VAULT_KEY_ACCOUNT, createKeytarSecretStore, resolveLocation } from '../../../electron/custody';
import { clipboardSeconds } from '../../../electron/main/clipboard-seconds';
import { createBatchManager } from '../../../electron/main/decrypt-batches';
import type { DesktopPort } from '../../../electron/main/desktop-port';
import { describeUnexpectedError, dispatch } from '../../../electron/main/ipc-dispatch';
import type { EmitEvent } from '../../../electron/main/emit-event';
import { createHandlers } from '../../../electron/main/ipc-handlers';
import { createRevealHandles } from '../../../electron/main/reveal-handles';
import { createSecretClipboard } from '../../../electron/main/secret-clipboard';
import { createSimulateConsent } from '../../../electron/main/simulate-consent';
import { openVaultOnStart } from '../../../electron/main/vault-startup';
import { forgetSecretsOnLock } from '../../../electron/main/forget-secrets-on-lock';
import { createVaultSession } from '../../../electron/main/vault-session';
import { watchVaultFolder } from '../../../electron/main/vault-watcher';
import { recordingClipboard } from '../recording-clipboard';
import type { DesktopRecord, HostMessage, HostRequest } from './host-messages';

function send(message: HostMessage): void {
  process.send?.(message);
}

const location = resolveLocation(process.env);
const secrets = createKeytarSecretStore();
const custody = new Custody({ location, secrets });

const clipboardPort = recordingClipboard();
let captureFiles: string[] = [];
let exportPath: string | null = null;
const record: DesktopRecord = { contentProtection: [], simulateQuestions: 0, clipboardText: '' };
const desktop: DesktopPort = {
  setContentProtection: (enabled) => {
    record.contentProtection.push(enabled);
  },
  confirmSimulate: async () => {
    record.simulateQuestions += 1;
    return true;
  },
  chooseCaptures: async () => {
    const chosen = captureFiles;
    captureFiles = [];
    return chosen;
  },
  chooseExportPath: async () => exportPath,
  // A scenario answers the backup dialogs as it answers the others: set-export-path, set-capture-files.
  chooseBackupPath: async () => exportPath,
  chooseBackupFile: async () => captureFiles[0] ?? null,
};

const emit: EmitEvent = (name, payload) => send({ type: 'event', name, payload });
// The first-run passphrase offer only where a scenario asks for it: it would cover what other
// scenarios click on their first load.
let createdAtStart = false;
const startup = openVaultOnStart(custody, () => (createdAtStart = process.env.CUSTODY_BRIDGE_FIRST_RUN === '1'));
// A scenario may give smaller batch limits than the contract's, to reach them with a few captures.
const limits = process.env.CUSTODY_BRIDGE_BATCH_LIMITS ? JSON.parse(process.env.CUSTODY_BRIDGE_BATCH_LIMITS) : undefined;
const batches = createBatchManager({ custody, emit, workerScript: process.env.CUSTODY_BRIDGE_DECRYPT_WORKER ?? '', limits });
const reveals = createRevealHandles({ onLiveChange: (anyLive) => desktop.setContentProtection(anyLive) });
// As on Linux: the concealment format KDE's clipboard honours.
const clipboard = createSecretClipboard({
  port: clipboardPort,
  platform: 'linux',
  clipboardSeconds: clipboardSeconds(custody),
  clearsWithoutFocus: true,
});
const simulate = createSimulateConsent(() => desktop.confirmSimulate());
const session = createVaultSession({ custody, stopBatches: () => batches.stopAll(), emit });
// As in main (electron/main/index.ts): the lock kills reveal handles, resets the simulate question, clears the clipboard.
forgetSecretsOnLock(session, { reveals, simulate, clipboard });
// No idle timer here: a scenario locks with the Lock button, the shortcut or vault.lock.
const handlers = createHandlers({
  custody,
  desktop,
  emit,
  startup,
  batches,
  clipboard,
  reveals,
  simulate,
  session,
  noteActivity: () => undefined,
});
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
    // The page loaded (again): as main does on did-finish-load, reveal handles die with the old page.
    case 'push-status': {
      reveals.forgetAll();
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
      return { type: 'reply', id: message.id, value: clipboardPort.writes.map((write) => write.text) };
    case 'user-copies':
      clipboardPort.userCopies(message.text);
      return { type: 'reply', id: message.id, value: null };
    case 'desktop-record':
      return { type: 'reply', id: message.id, value: { ...record, clipboardText: clipboardPort.current().text } };
    case 'shutdown':
      stopWatching();
      await batches.stopAll();
      reveals.forgetAll();
      await clipboard.clearNow();
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
