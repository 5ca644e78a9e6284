/**
 * The IPC contract: every channel declared once, schema first; request and response types are
 * inferred. Main validates each request against it before doing anything (the renderer is
 * untrusted); the preload and the test bridge build `window.custody` from it (custody-api.ts).
 * Adding a channel is one entry here plus one handler in main.
 */
import { z } from 'zod';
import {
  AuditEntrySchema,
  AuditVerificationSchema,
  DecryptItemResultSchema,
  DecryptScopeSchema,
  KeyIdSchema,
  KeyInfoSchema,
  LabelSchema,
  NotesSchema,
  RevealedKeySchema,
  RotationDaysSchema,
  VaultStatusSchema,
  WorkflowIdSchema,
  WorkflowNameSchema,
  WorkflowSummarySchema,
} from './domain';

const None = z.object({}).strict();
const WorkflowRef = z.object({ workflowId: WorkflowIdSchema }).strict();
const KeyRef = z.object({ workflowId: WorkflowIdSchema, keyId: KeyIdSchema }).strict();
/** A pasted key or capture is bounded so a runaway paste cannot exhaust main's memory. */
const KeyText = z.string().max(1_000);
const CapturedPayloadSchema = z.object({ source: z.string().max(4_096), text: z.string().max(16 * 1024 * 1024) }).strict();

function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

export const channels = {
  'vault.status': channel(None, VaultStatusSchema),
  'vault.init': channel(None, VaultStatusSchema),

  'workflows.list': channel(None, z.array(WorkflowSummarySchema)),
  'workflows.add': channel(
    z
      .object({
        id: WorkflowIdSchema,
        name: WorkflowNameSchema.optional(),
        notes: NotesSchema.optional(),
        rotationDays: RotationDaysSchema.optional(),
      })
      .strict(),
    WorkflowSummarySchema,
  ),
  'workflows.update': channel(
    z
      .object({
        workflowId: WorkflowIdSchema,
        name: WorkflowNameSchema.optional(),
        notes: NotesSchema.optional(),
        rotationDays: RotationDaysSchema.optional(),
      })
      .strict(),
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
  'keys.delete': channel(KeyRef, KeyInfoSchema),

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
  /** A native menu item was chosen. */
  'menu.command': z.object({ command: z.enum(['add-workflow', 'import-key', 'decrypt', 'audit', 'about']) }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayloadOf<E extends EventName> = z.output<Events[E]>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];
