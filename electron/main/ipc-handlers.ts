/**
 * One handler per contract channel, over the custody core and the desktop port. No Electron
 * import: main registers these through ipc-main.ts, and the Chromium test bridge calls the very
 * same functions. Requests arrive already validated by ipc-dispatch.ts.
 *
 * Key material passes through keys.add (the one-time reveal), keys.import and keys.copyRevealed:
 * never log a request or an answer here. Receiver snippets hold a placeholder, never a key.
 */
import type { VaultStatus } from '../../shared/domain';
import { CHOOSE_ANOTHER_FILE, type Custody, CustodyError, KEY_PLACEHOLDER, RECEIVER_SNIPPETS, privateFileSink } from '../custody';
import { readCaptureFiles } from './capture-files';
import type { BatchManager } from './decrypt-batches';
import type { DesktopPort } from './desktop-port';
import type { EmitEvent } from './emit-event';
import type { Handlers } from './ipc-dispatch';
import { createIssuedPayloads } from './issued-payloads';

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
}

function auditExportName(now: Date): string {
  return `workflow-key-custody-audit-${now.toISOString().slice(0, 10)}.jsonl`;
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

export function createHandlers({ custody, desktop, emit, startup, batches }: HandlerDependencies): Handlers {
  const issuedPayloads = createIssuedPayloads();
  /** After any change the renderer refetches what it shows; the reason names the operation. */
  const changed =
    (reason: string) =>
    <T>(value: T): T => {
      emit('vault.changed', { reason });
      return value;
    };

  const handlers: Handlers = {
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

    'workflows.list': () => custody.listWorkflows(),
    'workflows.add': (request) => custody.addWorkflow(request).then(changed('workflows.add')),
    'workflows.update': ({ workflowId, ...changes }) =>
      custody.updateWorkflow(workflowId, changes).then(changed('workflows.update')),
    'workflows.remove': ({ workflowId }) => custody.removeWorkflow(workflowId).then(changed('workflows.remove')),

    'keys.list': ({ workflowId }) => custody.listKeys(workflowId),
    // The answer carries the new key's value (R4): it goes to the caller and nowhere else.
    'keys.add': ({ workflowId, label }) => custody.addKey(workflowId, { label }).then(changed('keys.add')),
    // Audited first, so a value that is not this key's own never reaches the clipboard.
    'keys.copyRevealed': async ({ workflowId, keyId, value }) => {
      await custody.recordKeyCopy(workflowId, keyId, value);
      desktop.writeClipboard(value);
      return changed('keys.copyRevealed')(null);
    },
    'keys.import': ({ workflowId, value, label }) => custody.importKey(workflowId, value, { label }).then(changed('keys.import')),
    'keys.activate': ({ workflowId, keyId }) => custody.activateKey(workflowId, keyId).then(changed('keys.activate')),
    'keys.deactivate': ({ workflowId, keyId }) => custody.deactivateKey(workflowId, keyId).then(changed('keys.deactivate')),
    'keys.delete': ({ workflowId, keyId }) => custody.deleteKey(workflowId, keyId).then(changed('keys.delete')),
    'keys.cancelDeletion': ({ workflowId, keyId }) =>
      custody.cancelDeletion(workflowId, keyId).then(changed('keys.cancelDeletion')),

    'settings.get': () => custody.settings(),

    // A decrypt batch updates "last matched" and appends an audit summary (R10/R11).
    'payloads.decrypt': ({ payloads, scope }) => custody.decrypt(payloads, scope).then(changed('payloads.decrypt')),
    'payloads.encrypt': async ({ workflowId, plaintext }) => {
      const sealed = await custody.encrypt(workflowId, Buffer.from(plaintext, 'utf8'));
      issuedPayloads.remember(sealed.payload);
      return sealed;
    },
    'payloads.openCaptures': async () => ({ payloads: await readCaptureFiles(await desktop.chooseCaptureFiles()) }),
    'payloads.snippets': async () => SNIPPETS,
    // The page names what to copy; main checks it (a payload it made) or supplies it (a snippet).
    'payloads.copy': async (request) => {
      if (request.what === 'payload') {
        if (!issuedPayloads.wasIssued(request.payload)) throw notIssued();
        desktop.writeClipboard(request.payload);
        return null;
      }
      const snippet = SNIPPETS.find((s) => s.language === request.language);
      if (!snippet) throw new CustodyError('NOT_FOUND', `There is no receiver snippet for "${request.language}".`);
      desktop.writeClipboard(snippet.code);
      return null;
    },

    'batches.choose': async ({ kind, field }) => ({
      selection: await batches.choose(kind, await desktop.chooseCaptureFiles(kind), field),
    }),
    'batches.start': ({ scope, input }) => batches.start(scope, input),
    'batches.cancel': async ({ batchId }) => {
      batches.cancel(batchId);
      return null;
    },
    // The file holds plaintext only when the user asked for it (and was warned in the UI).
    'batches.export': async ({ batchId, format, includePlaintext }) => {
      const path = await desktop.chooseExportPath(resultsExportName(new Date(), format), format);
      if (path === null) return { path: null };
      await batches.export(batchId, format, includePlaintext, path);
      return { path };
    },
    'batches.discard': async ({ batchId }) => {
      batches.discard(batchId);
      return null;
    },

    'audit.list': () => custody.auditEntries(),
    'audit.verify': () => custody.verifyAudit(),
    // The export is the log itself, one entry per line, so `verify` logic can be applied to it later.
    'audit.export': async () => {
      const entries = await custody.auditEntries();
      const path = await desktop.chooseExportPath(auditExportName(new Date()));
      if (path === null) return { path: null };
      const file = await privateFileSink(path, CHOOSE_ANOTHER_FILE);
      for (const entry of entries) await file.write(`${JSON.stringify(entry)}\n`);
      await file.finish();
      return { path };
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
