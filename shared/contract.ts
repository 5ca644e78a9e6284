/**
 * The IPC contract: every channel declared once, schema first; request and response types are
 * inferred. Main validates each request against it before doing anything (the renderer is
 * untrusted); the preload and the test bridge build `window.custody` from it (custody-api.ts).
 * Adding a channel is one entry here plus one handler in main.
 */
import { z } from 'zod';
import { CustodyErrorSchema } from './errors';
import {
  AuditEntrySchema,
  BatchCountsSchema,
  CapturedPayloadSchema,
  CaptureKindSchema,
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
  RevealedKeySchema,
  VaultStatusSchema,
  WorkflowChangesSchema,
  WorkflowIdSchema,
  WorkflowSummarySchema,
} from './domain';
import { VaultSettingsSchema } from './settings';

const None = z.object({}).strict();
const WorkflowRef = z.object({ workflowId: WorkflowIdSchema }).strict();
const KeyRef = z.object({ workflowId: WorkflowIdSchema, keyId: KeyIdSchema }).strict();
/** A pasted key is bounded so a runaway paste cannot exhaust main's memory. */
const KeyText = z.string().max(1_000);
const BatchRef = z.object({ batchId: z.string().max(64) }).strict();

function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

export const channels = {
  'vault.status': channel(None, VaultStatusSchema),
  'vault.init': channel(None, VaultStatusSchema),

  'workflows.list': channel(None, z.array(WorkflowSummarySchema)),
  'workflows.add': channel(NewWorkflowSchema.strict(), WorkflowSummarySchema),
  'workflows.update': channel(
    z.object({ workflowId: WorkflowIdSchema, ...WorkflowChangesSchema.shape }).strict(),
    WorkflowSummarySchema,
  ),
  'workflows.remove': channel(WorkflowRef, z.object({ deletedKeys: z.number().int() })),

  'keys.list': channel(WorkflowRef, z.array(KeyInfoSchema)),
  /** R4: the one answer that carries a key value. */
  'keys.add': channel(z.object({ workflowId: WorkflowIdSchema, label: LabelSchema.optional() }).strict(), RevealedKeySchema),
  /**
   * Copies a just-revealed key to the clipboard from main. The value must be the key's own
   * (its fingerprint is checked), so this cannot be used to put arbitrary text on the clipboard.
   */
  'keys.copyRevealed': channel(z.object({ workflowId: WorkflowIdSchema, keyId: KeyIdSchema, value: KeyText }).strict(), z.null()),
  'keys.import': channel(
    z.object({ workflowId: WorkflowIdSchema, value: KeyText, label: LabelSchema.optional() }).strict(),
    KeyInfoSchema,
  ),
  'keys.activate': channel(KeyRef, KeyInfoSchema),
  'keys.deactivate': channel(KeyRef, KeyInfoSchema),
  /**
   * R8/R13: schedules an inactive key's deletion for the vault's waiting period. The answer's
   * `deletionScheduledFor` says when; null means the period is 0 and the key is already gone.
   */
  'keys.delete': channel(KeyRef, KeyInfoSchema),
  /** R13: the key stays in the vault, inactive. */
  'keys.cancelDeletion': channel(KeyRef, KeyInfoSchema),

  /** The vault's settings; the delete dialog names the date from the waiting period. */
  'settings.get': channel(None, VaultSettingsSchema),

  'payloads.decrypt': channel(
    z.object({ payloads: z.array(CapturedPayloadSchema).min(1).max(10_000), scope: DecryptScopeSchema }).strict(),
    z.array(DecryptItemResultSchema),
  ),
  'payloads.encrypt': channel(
    z.object({ workflowId: WorkflowIdSchema, plaintext: z.string().max(16 * 1024 * 1024) }).strict(),
    z.object({ payload: z.string(), key: KeyInfoSchema }),
  ),
  /** Shows the OS open dialog in main; the page never gets a path it did not ask the user for. */
  'payloads.openCaptures': channel(None, z.object({ payloads: z.array(CapturedPayloadSchema) })),
  /** Receivers for Node, .NET and Python that decrypt what `payloads.encrypt` (and secureFetch) sends. */
  'payloads.snippets': channel(None, z.array(ReceiverSnippetSchema)),
  /**
   * Copies to the clipboard from main (the page has no clipboard access): a payload that
   * `payloads.encrypt` made in this session, or a receiver snippet named by its language (main
   * supplies the text). Anything else is refused, so this never puts arbitrary text, or a key,
   * on the clipboard.
   */
  'payloads.copy': channel(
    z.discriminatedUnion('what', [
      z.object({ what: z.literal('payload'), payload: z.string().max(64 * 1024 * 1024) }).strict(),
      z.object({ what: z.literal('snippet'), language: z.string().max(32) }).strict(),
    ]),
    z.null(),
  ),

  /**
   * Decrypt batches. `choose` shows the OS open dialog in main (files, a folder, NDJSON or HAR
   * files) and keeps the paths there; the page gets a label and a count. `start` runs the batch
   * off the UI thread and streams `batch.*` events; results stay in main for `export`.
   */
  'batches.choose': channel(
    z.object({ kind: CaptureKindSchema, field: z.string().trim().min(1).max(128).optional() }).strict(),
    z.object({ selection: CaptureSelectionSchema.nullable() }),
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
    z.object({ batchId: z.string(), total: z.number().int().nullable() }),
  ),
  'batches.cancel': channel(BatchRef, z.null()),
  /** Shows the save dialog in main; plaintext goes into the file only when asked (it then holds secrets). */
  'batches.export': channel(
    z.object({ batchId: z.string().max(64), format: ExportFormatSchema, includePlaintext: z.boolean() }).strict(),
    z.object({ path: z.string().nullable() }),
  ),
  /** Drops a finished batch's results from main's memory. */
  'batches.discard': channel(BatchRef, z.null()),

  'audit.list': channel(None, z.array(AuditEntrySchema)),
  'audit.verify': channel(None, AuditVerificationSchema),
  /** Shows the OS save dialog in main and writes the log there; null when the user cancels. */
  'audit.export': channel(None, z.object({ path: z.string().nullable() })),
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
  'batch.progress': z.object({ batchId: z.string(), counts: BatchCountsSchema }),
  /** Results of a batch, in order, a chunk at a time (the page gets at most the first BATCH_RESULTS_SHOWN). */
  'batch.results': z.object({ batchId: z.string(), results: z.array(DecryptItemResultSchema) }),
  'batch.finished': z.object({
    batchId: z.string(),
    counts: BatchCountsSchema,
    cancelled: z.boolean(),
    /** Set when the batch stopped on an error of its own (not a per-item one). */
    error: CustodyErrorSchema.nullable(),
    /** The export holds every result: false when the batch outgrew BATCH_RESULTS_KEPT. */
    exportable: z.boolean(),
  }),
  /** A native menu item was chosen. */
  'menu.command': z.object({ command: z.enum(['add-workflow', 'import-key', 'decrypt', 'audit', 'about']) }),
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
