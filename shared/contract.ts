/**
 * The IPC contract: every channel declared once, schema first; request and response types are
 * inferred. Main validates each request against it before doing anything (the renderer is
 * untrusted); the preload and the test bridge build `window.custody` from it (custody-api.ts).
 * Adding a channel is one entry here plus one handler in main.
 */
import { z } from 'zod';
import { CustodyErrorSchema } from './errors';
import { PASSPHRASE_MAX_CHARS, SettingsChangesSchema, VaultSettingsSchema } from './settings';
import {
  AuditEntrySchema,
  BatchBytesSchema,
  BackupInfoSchema,
  BackupStatusSchema,
  BackupWrittenSchema,
  BatchCountsSchema,
  CapturedPayloadSchema,
  CaptureDialogSchema,
  CaptureSelectionSchema,
  ExportFormatSchema,
  AuditVerificationSchema,
  DecryptItemResultSchema,
  DecryptScopeSchema,
  KeyIdSchema,
  KeyInfoSchema,
  LabelSchema,
  NewWorkflowSchema,
  ReceiverSnippetSchema,
  KeyRevealSchema,
  RestoreDoneSchema,
  RevealHandleSchema,
  SecretCopySchema,
  VaultStatusSchema,
  WorkflowChangesSchema,
  WorkflowIdSchema,
  WorkflowSummarySchema,
} from './domain';

const None = z.object({}).strict();
const WorkflowRef = z.object({ workflowId: WorkflowIdSchema }).strict();
const KeyRef = z.object({ workflowId: WorkflowIdSchema, keyId: KeyIdSchema }).strict();
/** A pasted key is bounded so a runaway paste cannot exhaust main's memory. */
const KeyText = z.string().max(1_000);
const BatchRef = z.object({ batchId: z.string().max(64) }).strict();
const BatchStartedSchema = z.object({
  batchId: z.string(),
  total: z.number().int().nullable(),
  totalBytes: z.number().int().nullable(),
});
/** A drop names at most this many files and folders (a folder's own files are not counted). */
export const MAX_DROPPED_PATHS = 1_000;
/** Longer than any path the desktop platforms allow. */
const MAX_DROPPED_PATH_LENGTH = 4_096;
const HandleRef = z.object({ handle: RevealHandleSchema }).strict();
const ImportTarget = { workflowId: WorkflowIdSchema, label: LabelSchema.optional() };

/**
 * R15: whether a channel answers while the vault is locked. Every channel says so; main's dispatch
 * refuses the others with VAULT_LOCKED while locked. Only what the lock screen needs works locked.
 */
const WORKS_LOCKED = { whileLocked: true } as const;
const NEEDS_UNLOCK = { whileLocked: false } as const;
type Access = typeof WORKS_LOCKED | typeof NEEDS_UNLOCK;

function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, access: Access) {
  return { request, response, ...access };
}

/** A passphrase as typed; the core checks a new one against NewPassphraseSchema with its own message. */
const Passphrase = z.string().max(PASSPHRASE_MAX_CHARS);

/** Help → About: the app's version and the runtimes under it; null for a runtime not present (the test bridge has no Electron). */
const AppAboutSchema = z
  .object({ version: z.string(), electron: z.string().nullable(), chromium: z.string().nullable(), node: z.string() })
  .strict();

export const channels = {
  'app.about': channel(None, AppAboutSchema, WORKS_LOCKED),
  'vault.status': channel(None, VaultStatusSchema, WORKS_LOCKED),
  'vault.init': channel(None, VaultStatusSchema, NEEDS_UNLOCK),
  /**
   * R17, from the vault screen behind a confirm: accepts a vault file older than the keychain's record
   * (VAULT_ROLLED_BACK), audited; answers the new status. Needs the vault's keys, so not while locked.
   */
  'vault.acceptRollback': channel(None, VaultStatusSchema, NEEDS_UNLOCK),
  /**
   * R17, from the vault screen behind a confirm: the vault file is gone (VAULT_MISSING), so the old
   * key is discarded and a new, empty vault starts; answers the new status. Works locked: a locked
   * vault whose file is gone has nothing to unlock, and the core refuses while a vault file exists.
   */
  'vault.startNew': channel(None, VaultStatusSchema, WORKS_LOCKED),
  /** R15: locks now (the Lock command); answers the locked status. */
  'vault.lock': channel(None, VaultStatusSchema, WORKS_LOCKED),
  /** Opens the vault again: the passphrase when one is set, nothing otherwise. */
  'vault.unlock': channel(z.object({ passphrase: Passphrase.optional() }).strict(), VaultStatusSchema, WORKS_LOCKED),
  /**
   * The window saw input (a click, a scroll; keys main sees itself), at most every few seconds:
   * the app's own idle timer, for sessions whose OS idle time reads 0.
   */
  'vault.activity': channel(None, z.null(), NEEDS_UNLOCK),

  /** Idle minutes and clipboard seconds, kept in the vault; each change audited. */
  'settings.get': channel(None, VaultSettingsSchema, NEEDS_UNLOCK),
  'settings.update': channel(SettingsChangesSchema, VaultSettingsSchema, NEEDS_UNLOCK),

  /** The vault's passphrase (each change audited); answers the new status. */
  'passphrase.set': channel(z.object({ passphrase: Passphrase }).strict(), VaultStatusSchema, NEEDS_UNLOCK),
  'passphrase.change': channel(z.object({ current: Passphrase, next: Passphrase }).strict(), VaultStatusSchema, NEEDS_UNLOCK),
  'passphrase.remove': channel(z.object({ current: Passphrase }).strict(), VaultStatusSchema, NEEDS_UNLOCK),

  /** R16: "Last backup: 12 days ago", and whether workflows or keys changed since. */
  'backup.status': channel(None, BackupStatusSchema, NEEDS_UNLOCK),
  /** R16: shows the OS save dialog in main, then writes the backup there under `passphrase`; null when the user cancels. */
  'backup.create': channel(
    z.object({ passphrase: Passphrase }).strict(),
    z.object({ written: BackupWrittenSchema.nullable() }),
    NEEDS_UNLOCK,
  ),
  /**
   * R16: shows the OS open dialog in main and reads the chosen backup's header (no passphrase
   * needed); main remembers the file for `backup.restore`. null when the user cancels.
   */
  'backup.chooseRestore': channel(None, z.object({ backup: BackupInfoSchema.nullable() }), NEEDS_UNLOCK),
  /** R16: restores the file chosen by `backup.chooseRestore`, once every check passed; the page names no path. */
  'backup.restore': channel(z.object({ passphrase: Passphrase }).strict(), RestoreDoneSchema, NEEDS_UNLOCK),

  'workflows.list': channel(None, z.array(WorkflowSummarySchema), NEEDS_UNLOCK),
  'workflows.add': channel(NewWorkflowSchema.strict(), WorkflowSummarySchema, NEEDS_UNLOCK),
  'workflows.update': channel(
    z.object({ workflowId: WorkflowIdSchema, ...WorkflowChangesSchema.shape }).strict(),
    WorkflowSummarySchema,
    NEEDS_UNLOCK,
  ),
  'workflows.remove': channel(WorkflowRef, z.object({ deletedKeys: z.number().int() }), NEEDS_UNLOCK),

  'keys.list': channel(WorkflowRef, z.array(KeyInfoSchema), NEEDS_UNLOCK),
  /** R4/R14: the new key and a reveal handle; its value stays in main (`reveal.value` shows it). */
  'keys.add': channel(
    z.object({ workflowId: WorkflowIdSchema, label: LabelSchema.optional() }).strict(),
    KeyRevealSchema,
    NEEDS_UNLOCK,
  ),
  /**
   * R5: the typed value, or `fromClipboard`: main reads the clipboard itself (the value never goes
   * through the page) and clears it if it still holds what was read.
   */
  'keys.import': channel(
    z.union([
      z.object({ ...ImportTarget, value: KeyText }).strict(),
      z.object({ ...ImportTarget, fromClipboard: z.literal(true) }).strict(),
    ]),
    KeyRevealSchema,
    NEEDS_UNLOCK,
  ),
  'keys.activate': channel(KeyRef, KeyInfoSchema, NEEDS_UNLOCK),
  'keys.deactivate': channel(KeyRef, KeyInfoSchema, NEEDS_UNLOCK),
  /**
   * R8/R13: schedules an inactive key's deletion for the vault's waiting period. The answer's
   * `deletionScheduledFor` says when; null means the period is 0 and the key is already gone.
   */
  'keys.delete': channel(KeyRef, KeyInfoSchema, NEEDS_UNLOCK),
  /** R13: the key stays in the vault, inactive. */
  'keys.cancelDeletion': channel(KeyRef, KeyInfoSchema, NEEDS_UNLOCK),

  /**
   * R14: the reveal dialog's handle. `value` gives the key's value to show (only while the dialog
   * is open); `copy` puts it on the clipboard from main (audited, cleared later), any number of
   * times; `discard` deletes the just-made key at once (R4); `close` kills the handle. A dead
   * handle is REVEAL_EXPIRED.
   */
  'reveal.value': channel(HandleRef, z.object({ value: z.string() }), NEEDS_UNLOCK),
  'reveal.copy': channel(HandleRef, SecretCopySchema, NEEDS_UNLOCK),
  'reveal.discard': channel(HandleRef, KeyInfoSchema, NEEDS_UNLOCK),
  'reveal.close': channel(HandleRef, z.null(), NEEDS_UNLOCK),

  'payloads.decrypt': channel(
    z.object({ payloads: z.array(CapturedPayloadSchema).min(1).max(10_000), scope: DecryptScopeSchema }).strict(),
    z.array(DecryptItemResultSchema),
    NEEDS_UNLOCK,
  ),
  'payloads.encrypt': channel(
    z.object({ workflowId: WorkflowIdSchema, plaintext: z.string().max(16 * 1024 * 1024) }).strict(),
    z.object({ payload: z.string(), key: KeyInfoSchema }),
    NEEDS_UNLOCK,
  ),
  /**
   * Once per unlock, before the first simulated payload, main asks with a native dialog: payloads
   * sealed here are accepted by the receiver. `payloads.encrypt` is refused until it is confirmed.
   */
  'payloads.confirmSimulate': channel(None, z.object({ confirmed: z.boolean() }), NEEDS_UNLOCK),
  /** Receivers for Node, .NET and Python that decrypt what `payloads.encrypt` (and secureFetch) sends. */
  'payloads.snippets': channel(None, z.array(ReceiverSnippetSchema), NEEDS_UNLOCK),
  /**
   * Copies to the clipboard from main (the page has no clipboard access): a payload that
   * `payloads.encrypt` made in this session, a decrypted body main gave the page (its text, or
   * base64 when it is not UTF-8: plaintextCopyText), or a receiver snippet named by its language
   * (main supplies the text). Anything else is refused, so this never puts arbitrary text, or a
   * key, on the clipboard.
   */
  'payloads.copy': channel(
    z.discriminatedUnion('what', [
      z.object({ what: z.literal('payload'), payload: z.string().max(64 * 1024 * 1024) }).strict(),
      z.object({ what: z.literal('plaintext'), text: z.string().max(32 * 1024 * 1024) }).strict(),
      z.object({ what: z.literal('snippet'), language: z.string().max(32) }).strict(),
    ]),
    /** A payload or a plaintext is a secret: cleared later (R14). A snippet is not: null. */
    SecretCopySchema.nullable(),
    NEEDS_UNLOCK,
  ),

  /**
   * Decrypt batches. `choose` shows the OS open dialog in main and keeps the paths there, each
   * file recognised by its content (a capture, NDJSON lines, a HAR recording); the page gets a
   * label and a count. `start` runs the batch off the UI thread and streams `batch.*` events;
   * results stay in main for `export`.
   */
  'batches.choose': channel(
    z.object({ dialog: CaptureDialogSchema, field: z.string().trim().min(1).max(128).optional() }).strict(),
    z.object({ selection: CaptureSelectionSchema.nullable() }),
    NEEDS_UNLOCK,
  ),
  'batches.start': channel(
    z
      .object({
        scope: DecryptScopeSchema,
        input: z.discriminatedUnion('from', [
          z.object({ from: z.literal('selection'), selectionId: z.string().max(64) }).strict(),
          z.object({ from: z.literal('paste'), payloads: z.array(CapturedPayloadSchema).min(1).max(10_000) }).strict(),
        ]),
      })
      .strict(),
    BatchStartedSchema,
    NEEDS_UNLOCK,
  ),
  /**
   * Files and folders dropped on the window, run as a batch as if picked in the open dialog. The
   * page never names a path: its `custody.batches.startDropped({ scope, files })` takes the dropped
   * File objects and the preload turns each into its path (webUtils.getPathForFile). Main checks
   * each (absolute; a regular file or a folder itself, never a link) before reading anything.
   */
  'batches.startDropped': channel(
    z
      .object({
        scope: DecryptScopeSchema,
        paths: z.array(z.string().max(MAX_DROPPED_PATH_LENGTH)).min(1).max(MAX_DROPPED_PATHS),
      })
      .strict(),
    BatchStartedSchema,
    NEEDS_UNLOCK,
  ),
  'batches.cancel': channel(BatchRef, z.null(), NEEDS_UNLOCK),
  /** Shows the save dialog in main; plaintext goes into the file only when asked (it then holds secrets). */
  'batches.export': channel(
    z.object({ batchId: z.string().max(64), format: ExportFormatSchema, includePlaintext: z.boolean() }).strict(),
    z.object({ path: z.string().nullable() }),
    NEEDS_UNLOCK,
  ),
  /** Drops a finished batch's results from main's memory. */
  'batches.discard': channel(BatchRef, z.null(), NEEDS_UNLOCK),

  'audit.list': channel(None, z.array(AuditEntrySchema), NEEDS_UNLOCK),
  'audit.verify': channel(None, AuditVerificationSchema, NEEDS_UNLOCK),
  /** Shows the OS save dialog in main and writes the log there; null when the user cancels. */
  'audit.export': channel(None, z.object({ path: z.string().nullable() }), NEEDS_UNLOCK),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;

/** Main → renderer pushes. Main owns the keys and pushes state; the renderer only listens. */
export const events = {
  /** Something in the vault changed (from this window, another window, or the CLI). */
  'vault.changed': z.object({ reason: z.string() }),
  'vault.status': VaultStatusSchema,
  /** This start created the vault (first run): the page offers setting a passphrase, once. */
  'vault.created': z.object({}),
  /** Counts of the items decrypted, and bytes of the input read: what the progress bar, rate and time left are drawn from. */
  'batch.progress': z.object({ batchId: z.string(), counts: BatchCountsSchema, bytes: BatchBytesSchema }),
  /** Results of a batch, in order, a chunk at a time (the page gets at most the first BATCH_RESULTS_SHOWN). */
  'batch.results': z.object({ batchId: z.string(), results: z.array(DecryptItemResultSchema) }),
  'batch.finished': z.object({
    batchId: z.string(),
    counts: BatchCountsSchema,
    bytes: BatchBytesSchema,
    cancelled: z.boolean(),
    /** Set when the batch stopped on an error of its own (not a per-item one). */
    error: CustodyErrorSchema.nullable(),
    /** The export holds every result: false when the batch outgrew BATCH_RESULTS_KEPT. */
    exportable: z.boolean(),
  }),
  /** A native menu item was chosen. */
  'menu.command': z.object({
    command: z.enum(['add-workflow', 'import-key', 'decrypt', 'audit', 'settings', 'about', 'shortcuts', 'backup', 'restore']),
  }),
} as const;

/** How many results, and how many decrypted bytes among them, a batch may hold in one place. */
export interface ResultBudget {
  results: number;
  plaintextBytes: number;
}

/**
 * Results sent to the page per batch, the first ones up to either limit; counts cover every item.
 * Bytes as well as results: ten thousand 64 KiB bodies would be 640 MB in the page.
 */
export const BATCH_RESULTS_SHOWN: ResultBudget = { results: 10_000, plaintextBytes: 64 * 1024 * 1024 };
/**
 * Results main keeps for export; a larger batch is for `custody decrypt --output`. The bytes keep
 * what main holds in its heap for one batch within reach (the export itself streams).
 */
export const BATCH_RESULTS_KEPT: ResultBudget = { results: 100_000, plaintextBytes: 256 * 1024 * 1024 };

/** A budget as a person reads it: "100,000 results or 256 MB of decrypted bodies". */
export function describeBudget(budget: ResultBudget): string {
  return `${budget.results.toLocaleString()} results or ${Math.round(budget.plaintextBytes / (1024 * 1024))} MB of decrypted bodies`;
}

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayloadOf<E extends EventName> = z.output<Events[E]>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];
