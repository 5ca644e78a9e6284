/**
 * One handler per contract channel, over the custody core and the desktop port. No Electron
 * import: main registers these through ipc-main.ts, and the Chromium test bridge calls the very
 * same functions. Requests arrive already validated by ipc-dispatch.ts.
 *
 * Key material passes through keys.import (a typed key) and reveal.value (R14's one way out):
 * never log a request or an answer here. Receiver snippets hold a placeholder, never a key.
 */
import { type AuditEntry, type KeyInfo, type KeyReveal, type VaultStatus, plaintextCopyText } from '../../shared/domain';
import { version } from '../../package.json';
import {
  CHOOSE_ANOTHER_FILE,
  type Custody,
  CustodyError,
  KEY_PLACEHOLDER,
  RECEIVER_SNIPPETS,
  formatKey,
  parseKey,
  privateFileSink,
} from '../custody';
import type { BatchManager } from './decrypt-batches';
import type { DesktopPort } from './desktop-port';
import type { EmitEvent } from './emit-event';
import type { Handlers } from './ipc-dispatch';
import { createIssuedPayloads } from './issued-payloads';
import type { RevealHandles } from './reveal-handles';
import type { SecretClipboard } from './secret-clipboard';
import type { SimulateConsent } from './simulate-consent';
import type { VaultSession } from './vault-session';

export interface HandlerDependencies {
  custody: Custody;
  desktop: DesktopPort;
  /** Pushes a main → renderer event (every window in the app; the page in the test bridge). */
  emit: EmitEvent;
  /**
   * The app's start-up (vault-startup.ts). Every call waits for it, so no request races the
   * first-start initialisation; while no vault exists, its failure is the vault's status.
   */
  startup: Promise<VaultStatus>;
  /** Decrypt batches (decrypt-batches.ts), made by the composition root so it can stop them on quit. */
  batches: BatchManager;
  /** R14: the clipboard; every secret goes through its `copySecret`. */
  clipboard: SecretClipboard;
  /** R14: the reveal handles (the lock kills them all). */
  reveals: RevealHandles;
  /** The once-per-unlock question before the first simulated payload (the lock resets it). */
  simulate: SimulateConsent;
  /** Lock and unlock (R15), and the gate that dispatch asks (vault-session.ts). */
  session: VaultSession;
  /** The window saw input: the app's own idle timer starts again (auto-lock.ts). */
  noteActivity: () => void;
}

function auditExportName(now: Date): string {
  return `workflow-key-custody-audit-${now.toISOString().slice(0, 10)}.jsonl`;
}

function backupName(now: Date): string {
  return `workflow-key-custody-${now.toISOString().slice(0, 10)}.backup`;
}

function resultsExportName(now: Date, format: string): string {
  return `workflow-key-custody-results-${now.toISOString().slice(0, 19).replace(/:/g, '')}.${format}`;
}

const SNIPPETS = Object.values(RECEIVER_SNIPPETS).map(({ language, title, entryPoint, code }) => ({
  language,
  title,
  entryPoint,
  keyPlaceholder: KEY_PLACEHOLDER,
  code,
}));

function notIssued(): CustodyError {
  return new CustodyError(
    'INVALID_INPUT',
    'Only a payload the app encrypted since it started can be copied from here. Encrypt the body again, then copy it.',
  );
}

function notDecrypted(): CustodyError {
  return new CustodyError(
    'INVALID_INPUT',
    'Only a body the app decrypted on this screen can be copied from here. Decrypt the capture again, then copy it.',
  );
}

/** A few pastes' worth of decrypted bodies (one request decrypts up to 10,000). */
const PLAINTEXTS_REMEMBERED = 10_000;

/** Issues a handle for a key just made or imported; the registry owns `material` from here on. */
function revealOf(reveals: RevealHandles, key: KeyInfo, material: Buffer): KeyReveal {
  return { key, handle: reveals.issue(key, material) };
}

export function createHandlers({
  custody,
  desktop,
  emit,
  startup,
  batches,
  clipboard,
  reveals,
  simulate,
  session,
  noteActivity,
}: HandlerDependencies): Handlers {
  const issuedPayloads = createIssuedPayloads();
  /** The bodies the last few `payloads.decrypt` answers held (a batch's are its own: batches.wasShown). */
  const shownPlaintexts = createIssuedPayloads(PLAINTEXTS_REMEMBERED);
  /** R16: the backup file the user chose in main's open dialog; the page never names a path. */
  let chosenBackup: string | null = null;
  /** After any change the renderer refetches what it shows; the reason names the operation. */
  const changed =
    (reason: string) =>
    <T>(value: T): T => {
      emit('vault.changed', { reason });
      return value;
    };

  const passphraseChanged = async (): Promise<VaultStatus> => {
    const status = await custody.status();
    emit('vault.status', status);
    return changed('passphrase')(status);
  };

  const vaultReplaced = async (reason: string): Promise<VaultStatus> => {
    const status = await custody.status();
    await session.started(status);
    emit('vault.status', status);
    return changed(reason)(status);
  };

  const handlers: Handlers = {
    // What runs this process: Electron in the app; plain Node in the test bridge, which says so with nulls.
    'app.about': async () => ({
      version,
      electron: process.versions.electron ?? null,
      chromium: process.versions.chrome ?? null,
      node: process.versions.node,
    }),
    // Without this, a first start that could not reach the keychain would look "uninitialised".
    'vault.status': async () => {
      const status = await custody.status();
      if (status.state !== 'uninitialised') return status;
      const started = await startup;
      return started.state === 'unavailable' ? started : status;
    },
    'vault.init': async () => {
      await custody.init();
      const status = await custody.status();
      emit('vault.status', status);
      return changed('vault.init')(status);
    },
    // R17: each changes which vault is open; the session and every window learn the new status.
    'vault.acceptRollback': async () => {
      await custody.acceptRollback();
      return vaultReplaced('vault.acceptRollback');
    },
    'vault.startNew': async () => {
      await custody.startNewVault();
      return vaultReplaced('vault.startNew');
    },
    'vault.lock': () => session.lock('command'),
    'vault.unlock': ({ passphrase }) => session.unlock(passphrase),
    'vault.activity': async () => {
      noteActivity();
      return null;
    },
    'settings.update': async (changes) => {
      const settings = await custody.updateSettings(changes);
      await session.refreshSettings();
      return changed('settings.update')(settings);
    },

    // Each answers the new status (passphraseSet), pushed to every window too.
    'passphrase.set': ({ passphrase }) => custody.setPassphrase(passphrase).then(passphraseChanged),
    'passphrase.change': ({ current, next }) => custody.changePassphrase(current, next).then(passphraseChanged),
    'passphrase.remove': ({ current }) => custody.removePassphrase(current).then(passphraseChanged),

    'workflows.list': () => custody.listWorkflows(),
    'workflows.add': (request) => custody.addWorkflow(request).then(changed('workflows.add')),
    'workflows.update': ({ workflowId, ...changes }) =>
      custody.updateWorkflow(workflowId, changes).then(changed('workflows.update')),
    'workflows.remove': ({ workflowId }) => custody.removeWorkflow(workflowId).then(changed('workflows.remove')),

    'keys.list': ({ workflowId }) => custody.listKeys(workflowId),
    // R4/R14: the value stays in main, behind a handle only the reveal dialog uses.
    'keys.add': async ({ workflowId, label }) => {
      const { key, material } = await custody.createKey(workflowId, { label });
      return changed('keys.add')(revealOf(reveals, key, material));
    },
    // From the clipboard, main reads it itself, and clears it once the key is in the vault.
    'keys.import': async (request) => {
      const fromClipboard = 'fromClipboard' in request;
      const text = fromClipboard ? await clipboard.readText() : request.value;
      const material = parseKey(text);
      let key: KeyInfo;
      try {
        key = await custody.importKeyMaterial(request.workflowId, material, { label: request.label });
      } catch (error) {
        material.fill(0);
        throw error;
      }
      if (fromClipboard) await clipboard.clearIfHolds(text);
      return changed('keys.import')(revealOf(reveals, key, material));
    },
    'keys.activate': ({ workflowId, keyId }) => custody.activateKey(workflowId, keyId).then(changed('keys.activate')),
    'keys.deactivate': ({ workflowId, keyId }) => custody.deactivateKey(workflowId, keyId).then(changed('keys.deactivate')),
    'keys.delete': ({ workflowId, keyId }) => custody.deleteKey(workflowId, keyId).then(changed('keys.delete')),
    'keys.cancelDeletion': ({ workflowId, keyId }) =>
      custody.cancelDeletion(workflowId, keyId).then(changed('keys.cancelDeletion')),

    'settings.get': () => custody.settings(),

    'backup.status': () => custody.backupStatus(),
    // The native save dialog has already asked before replacing an existing file.
    'backup.create': async ({ passphrase }) => {
      const path = await desktop.chooseBackupPath(backupName(new Date()));
      if (path === null) return { written: null };
      return changed('backup.create')({ written: await custody.backup(path, passphrase, { overwrite: true }) });
    },
    'backup.chooseRestore': async () => {
      chosenBackup = null;
      const path = await desktop.chooseBackupFile();
      if (path === null) return { backup: null };
      const backup = await custody.inspectBackup(path);
      chosenBackup = path;
      return { backup };
    },
    'backup.restore': async ({ passphrase }) => {
      if (chosenBackup === null) {
        throw new CustodyError('INVALID_INPUT', 'Choose the backup file first (File → Restore…). Nothing was changed.');
      }
      const done = await custody.restore(chosenBackup, passphrase);
      chosenBackup = null;
      reveals.forgetAll();
      await session.refreshSettings();
      emit('vault.status', await custody.status());
      return changed('backup.restore')(done);
    },

    'reveal.value': async ({ handle }) => ({ value: formatKey(reveals.use(handle).material) }),
    // Audited first (R11): a copy that cannot be recorded does not happen. The value is read
    // before any await, as the handle may die meanwhile.
    'reveal.copy': async ({ handle }) => {
      const { key, material } = reveals.use(handle);
      const value = formatKey(material);
      await custody.recordKeyCopy(key.workflowId, key.id, material);
      return changed('reveal.copy')(await clipboard.copySecret(value));
    },
    'reveal.discard': async ({ handle }) => {
      const { key } = reveals.use(handle);
      const discarded = await custody.discardNewKey(key.workflowId, key.id, key.fingerprint);
      reveals.close(handle);
      return changed('reveal.discard')(discarded);
    },
    'reveal.close': async ({ handle }) => {
      reveals.close(handle);
      return null;
    },

    // A decrypt batch updates "last matched" and appends an audit summary (R10/R11).
    'payloads.decrypt': async ({ payloads, scope }) => {
      const results = await custody.decrypt(payloads, scope);
      for (const result of results) if (result.ok) shownPlaintexts.remember(plaintextCopyText(result.plaintext));
      return changed('payloads.decrypt')(results);
    },
    'payloads.confirmSimulate': async () => ({ confirmed: await simulate.confirm() }),
    'payloads.encrypt': async ({ workflowId, plaintext }) => {
      simulate.require();
      // Recorded in the audit log by the core (R11): the key and the byte count, never the text.
      const sealed = await custody.encrypt(workflowId, Buffer.from(plaintext, 'utf8'));
      issuedPayloads.remember(sealed.payload);
      return changed('payloads.encrypt')(sealed);
    },
    'payloads.snippets': async () => SNIPPETS,
    // The page names what to copy; main checks it (a payload it made, a body it decrypted) or
    // supplies it (a snippet). A payload and a body are secrets (concealed, cleared later), a snippet is not.
    'payloads.copy': async (request) => {
      if (request.what === 'payload') {
        if (!issuedPayloads.wasIssued(request.payload)) throw notIssued();
        return clipboard.copySecret(request.payload);
      }
      if (request.what === 'plaintext') {
        if (!shownPlaintexts.wasIssued(request.text) && !batches.wasShown(request.text)) throw notDecrypted();
        return clipboard.copySecret(request.text);
      }
      const snippet = SNIPPETS.find((s) => s.language === request.language);
      if (!snippet) throw new CustodyError('NOT_FOUND', `There is no receiver snippet for "${request.language}".`);
      await clipboard.copyPlain(snippet.code);
      return null;
    },

    'batches.choose': async ({ dialog, field }) => ({
      selection: await batches.choose(await desktop.chooseCaptures(dialog), field),
    }),
    'batches.start': ({ scope, input }) => batches.start(scope, input),
    'batches.startDropped': ({ scope, paths }) => batches.startDropped(scope, paths),
    'batches.cancel': async ({ batchId }) => {
      batches.cancel(batchId);
      return null;
    },
    // The file holds plaintext only when the user asked for it (and was warned in the UI).
    'batches.export': async ({ batchId, format, includePlaintext }) => {
      const path = await desktop.chooseExportPath(resultsExportName(new Date(), format), format);
      if (path === null) return { path: null };
      await batches.export(batchId, format, includePlaintext, path);
      return includePlaintext ? changed('batches.export')({ path }) : { path };
    },
    'batches.discard': async ({ batchId }) => {
      batches.discard(batchId);
      return null;
    },

    'audit.list': () => custody.auditEntries(),
    'audit.verify': () => custody.verifyAudit(),
    // The export is the log itself, one entry per line, so `verify` logic can be applied to it later.
    // It is recorded (R11) once the file passed its checks and before anything is written into it.
    'audit.export': async () => {
      const path = await desktop.chooseExportPath(auditExportName(new Date()));
      if (path === null) return { path: null };
      const file = await privateFileSink(path, CHOOSE_ANOTHER_FILE);
      let entries: AuditEntry[];
      try {
        entries = await custody.exportAuditEntries(path);
      } catch (error) {
        await file.discard();
        throw error;
      }
      for (const entry of entries) await file.write(`${JSON.stringify(entry)}\n`);
      await file.finish();
      return changed('audit.export')({ path });
    },
  };

  return Object.fromEntries(
    Object.entries(handlers).map(([channel, handler]) => [
      channel,
      async (request: never) => {
        await startup;
        return (handler as (request: never) => Promise<unknown>)(request);
      },
    ]),
  ) as unknown as Handlers;
}
