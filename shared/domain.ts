import { z } from 'zod';
import { CustodyErrorSchema } from './errors';

/** R1: the Kinde workflow id, e.g. `onUserTokenGeneration`. */
export const WORKFLOW_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
export const WorkflowIdSchema = z.string().regex(WORKFLOW_ID_PATTERN, 'a workflow id is 1–128 of A-Z a-z 0-9 _ . : -');
export const KeyIdSchema = z.string().regex(/^k_[0-9a-f]{16}$/, 'a key id looks like k_ followed by 16 hex digits');
export const DEFAULT_ROTATION_DAYS = 90;
export const RotationDaysSchema = z.number().int().min(1).max(3650);
/**
 * Control characters (C0, DEL, C1) and the bidi overrides and isolates (U+202A–202E, U+2066–2069):
 * in a name or a label they could rewrite or reorder what a terminal or a dialog shows.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
export const UNPRINTABLE_PATTERN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const printableOnly = (text: string) => !UNPRINTABLE_PATTERN.test(text);
const PRINTABLE_ONLY = 'control characters and text-direction overrides are not allowed';
export const WorkflowNameSchema = z.string().trim().min(1).max(200).refine(printableOnly, PRINTABLE_ONLY);
export const NotesSchema = z.string().max(4000);
export const LabelSchema = z.string().trim().max(200).refine(printableOnly, PRINTABLE_ONLY);

export const KeyStatusSchema = z.enum(['active', 'inactive']);
export type KeyStatus = z.infer<typeof KeyStatusSchema>;
export const KeyOriginSchema = z.enum(['generated', 'imported']);
export type KeyOrigin = z.infer<typeof KeyOriginSchema>;

const IsoTime = z.string();

/** R2: everything about a key except its material. This is all that ever leaves the core. */
export const KeyInfoSchema = z.object({
  id: KeyIdSchema,
  workflowId: WorkflowIdSchema,
  label: z.string(),
  status: KeyStatusSchema,
  origin: KeyOriginSchema,
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  createdAt: IsoTime,
  activatedAt: IsoTime.nullable(),
  deactivatedAt: IsoTime.nullable(),
  lastMatchedAt: IsoTime.nullable(),
  /** R13: when a scheduled deletion takes effect; null when none is scheduled (and in vaults written before R13). */
  deletionScheduledFor: IsoTime.nullable().default(null),
});
export type KeyInfo = z.infer<typeof KeyInfoSchema>;

export const WorkflowSummarySchema = z.object({
  id: WorkflowIdSchema,
  name: z.string(),
  notes: z.string(),
  rotationDays: RotationDaysSchema,
  createdAt: IsoTime,
  keyCount: z.number().int(),
  activeKeyId: KeyIdSchema.nullable(),
  /** "No active key" badge (R7). */
  noActiveKey: z.boolean(),
  /** "Rotation due" badge (R12). */
  rotationDue: z.boolean(),
  /** A key waits for its deletion (R13): the sidebar's "Needs attention" filter counts it. */
  deletionScheduled: z.boolean(),
});
export type WorkflowSummary = z.infer<typeof WorkflowSummarySchema>;

/** What a person sets on a workflow, each part optional: left out, it keeps its default or its value. */
export const WorkflowChangesSchema = z
  .object({
    name: WorkflowNameSchema,
    notes: NotesSchema,
    rotationDays: RotationDaysSchema,
  })
  .partial();
export type WorkflowChanges = z.input<typeof WorkflowChangesSchema>;

/** A workflow to add: its Kinde id, and what a person may set on it. */
export const NewWorkflowSchema = z.object({ id: WorkflowIdSchema, ...WorkflowChangesSchema.shape });
export type NewWorkflow = z.input<typeof NewWorkflowSchema>;

/**
 * R4: the only shape that carries a key value, returned once by the call that created it (the CLI's
 * `keys add`; the app answers a KeyReveal instead, R14).
 */
export const RevealedKeySchema = z.object({
  key: KeyInfoSchema,
  value: z.string(),
});
export type RevealedKey = z.infer<typeof RevealedKeySchema>;

/**
 * R14: names a just-made or just-imported key's value, which stays in main. Random and
 * unguessable; it dies when the reveal dialog closes, on reload, after 10 minutes or on lock.
 */
export const RevealHandleSchema = z.string().regex(/^rh_[0-9a-f]{32}$/, 'a reveal handle');
export type RevealHandle = z.infer<typeof RevealHandleSchema>;

/** How long a reveal handle lives (R14); the reveal dialog asks again then, and main answers REVEAL_EXPIRED. */
export const REVEAL_LIFETIME_MS = 10 * 60 * 1000;

/** What `keys.add` and `keys.import` answer: the key (id, fingerprint, status) and its reveal handle, never its value. */
export const KeyRevealSchema = z.object({ key: KeyInfoSchema, handle: RevealHandleSchema });
export type KeyReveal = z.infer<typeof KeyRevealSchema>;

/** What a copy of a secret tells the page: when main clears it, and whether it can (R14). */
export const SecretCopySchema = z.object({
  clearsInSeconds: z.number().int(),
  /** False where the OS lets only a focused window clear the clipboard (a Wayland session). */
  clearsWithoutFocus: z.boolean(),
});
export type SecretCopy = z.infer<typeof SecretCopySchema>;

export const LAYOUTS = ['nonce-tag-ciphertext', 'nonce-ciphertext-tag'] as const;
export const LayoutSchema = z.enum(LAYOUTS);
export type Layout = z.infer<typeof LayoutSchema>;

/** Plaintext is bytes: `text` when it is valid UTF-8, otherwise `base64` (never mangled into U+FFFD). */
export const PlaintextSchema = z.object({
  utf8: z.boolean(),
  text: z.string().nullable(),
  base64: z.string().nullable(),
  byteLength: z.number().int(),
});
export type Plaintext = z.infer<typeof PlaintextSchema>;

/** A decrypted body as it is copied: its text, or base64 when it is not UTF-8 (what the page shows). */
export function plaintextCopyText(plaintext: Plaintext): string {
  return plaintext.utf8 && plaintext.text !== null ? plaintext.text : (plaintext.base64 ?? '');
}

/** One capture to decrypt and the name it is reported under; bounded so a runaway paste cannot exhaust main's memory. */
export const CapturedPayloadSchema = z.object({ source: z.string().max(4_096), text: z.string().max(16 * 1024 * 1024) }).strict();
export type CapturedPayload = z.infer<typeof CapturedPayloadSchema>;

/** Where a capture came from, when its container says (a HAR entry's URL and time). */
export const CaptureMetaSchema = z.object({ url: z.string().optional(), time: z.string().optional() });

export const DecryptMatchSchema = z.object({
  ok: z.literal(true),
  source: z.string(),
  meta: CaptureMetaSchema.optional(),
  layout: LayoutSchema,
  key: z.object({
    id: z.string().nullable(),
    workflowId: z.string().nullable(),
    label: z.string().nullable(),
    status: KeyStatusSchema.nullable(),
    fingerprint: z.string(),
    /** Position of the key among the candidates tried (0 = first). */
    index: z.number().int(),
  }),
  plaintext: PlaintextSchema,
});
export const DecryptFailureSchema = z.object({
  ok: z.literal(false),
  source: z.string(),
  meta: CaptureMetaSchema.optional(),
  error: CustodyErrorSchema,
});
export const DecryptItemResultSchema = z.discriminatedUnion('ok', [DecryptMatchSchema, DecryptFailureSchema]);
export type DecryptItemResult = z.infer<typeof DecryptItemResultSchema>;
export type DecryptMatch = z.infer<typeof DecryptMatchSchema>;

/** Counts a person reads during and after a batch. */
export const BatchCountsSchema = z.object({
  done: z.number().int(),
  /** Known up front for a folder or a list of inputs; null while streaming NDJSON. */
  total: z.number().int().nullable(),
  decrypted: z.number().int(),
  noMatchingKey: z.number().int(),
  malformed: z.number().int(),
  /** Items that failed for another reason (unreadable file, not a HAR file, …). */
  otherErrors: z.number().int(),
});
export type BatchCounts = z.infer<typeof BatchCountsSchema>;

/**
 * What the user picked, each file recognised by its content (capture files, NDJSON lines, HAR
 * recordings) and folders walked; `mixed` when the picked inputs are of more than one kind.
 */
export const CaptureKindSchema = z.enum(['files', 'folder', 'ndjson', 'har', 'mixed']);
export type CaptureKind = z.infer<typeof CaptureKindSchema>;

/**
 * The open dialog main shows: `any` takes files and folders together (macOS offers that), else
 * `files` or `folder`.
 */
export const CaptureDialogSchema = z.enum(['any', 'files', 'folder']);
export type CaptureDialog = z.infer<typeof CaptureDialogSchema>;

/** Bytes of the input read so far, and the input's size when it is known before reading. */
export const BatchBytesSchema = z.object({ read: z.number().int(), total: z.number().int().nullable() });
export type BatchBytes = z.infer<typeof BatchBytesSchema>;

/** What the user picked, as the page may know it: a label and a count, never a path it did not see. */
export const CaptureSelectionSchema = z.object({
  id: z.string(),
  kind: CaptureKindSchema,
  label: z.string(),
  /** Files in the selection (a folder is counted before the batch starts). */
  files: z.number().int(),
  /** A folder was picked: the page shows its count and waits for Start. */
  waitsForStart: z.boolean(),
});
export type CaptureSelection = z.infer<typeof CaptureSelectionSchema>;

export const EXPORT_FORMATS = ['ndjson', 'json', 'csv'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/**
 * A short receiver that decrypts a secureFetch body. It holds a placeholder
 * where the key goes and never a key: snippets get pasted into code, chats and tickets.
 */
export const ReceiverSnippetSchema = z.object({
  language: z.string(),
  title: z.string(),
  /** The function the snippet defines: it takes the body text and returns the plaintext. */
  entryPoint: z.string(),
  /** The text in `code` that stands where the workflow's key goes. */
  keyPlaceholder: z.string(),
  code: z.string(),
});
export type ReceiverSnippet = z.infer<typeof ReceiverSnippetSchema>;

export const DecryptScopeSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('workflow'), workflowId: WorkflowIdSchema }),
  z.object({ mode: z.literal('any') }),
]);
export type DecryptScope = z.infer<typeof DecryptScopeSchema>;

export const AUDIT_ACTIONS = [
  'vault.init',
  'workflow.add',
  'workflow.update',
  'workflow.remove',
  'key.add',
  'key.import',
  'key.activate',
  'key.deactivate',
  'key.delete',
  /** R13: a deletion waits for the vault's waiting period; it can be cancelled until then. */
  'key.scheduleDeletion',
  'key.cancelDeletion',
  /** R13: a scheduled deletion took effect: the key's material left the vault. */
  'key.purge',
  'key.copy',
  /** A just-made key deleted while its reveal was open, before anyone held it (R4's exception to R8). */
  'key.discard',
  'decrypt.batch',
  /** The vault was rewritten from the first format into the key envelope (once, on first open). */
  'vault.migrate',
  'passphrase.set',
  'passphrase.change',
  'passphrase.remove',
  /** Wrong passphrases tried since the last unlock, recorded by the next unlock that succeeds. */
  'unlock.failed',
  'settings.update',
  'payload.encrypt',
  'plaintext.export',
  'audit.export',
  'vault.relocate',
  /** A crash's leftovers at the end of the log were repaired: a torn line cut off, the vault's last entry copied back. */
  'audit.repaired',
  /** The app locked the vault (details.reason: command, idle, screen-lock, suspend, quit). */
  'vault.lock',
  /** The app unlocked the vault. */
  'vault.unlock',
  /** R16: a backup file was written (its path, workflow and key counts; never a secret). */
  'vault.backup',
  /** R16: the vault was restored from a backup (when it was made, from which vault, what was set aside). */
  'vault.restore',
  /** R17: a vault file older than the keychain's record was accepted on purpose (which generation over which). */
  'vault.acceptRollback',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  time: IsoTime,
  action: AuditActionSchema,
  workflowId: z.string().nullable(),
  keyId: z.string().nullable(),
  fingerprint: z.string().nullable(),
  user: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  mac: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** What is wrong and where, when `ok` is false. */
  problem: z.string().nullable(),
  firstBadSeq: z.number().int().nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

/** R16: when the vault was last backed up (null: never), and whether its workflows or keys changed since. */
export const BackupStatusSchema = z.object({ lastBackupAt: IsoTime.nullable(), changedSinceBackup: z.boolean() });
export type BackupStatus = z.infer<typeof BackupStatusSchema>;

/** R16: what a backup file says of itself without its passphrase. */
export const BackupInfoSchema = z.object({
  createdAt: IsoTime,
  vaultId: z.string(),
  workflows: z.number().int(),
  keys: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

/** R16: a backup written: where, and what it holds. */
export const BackupWrittenSchema = BackupInfoSchema.extend({ path: z.string() });
export type BackupWritten = z.infer<typeof BackupWrittenSchema>;

/** R16: a restore done: from which backup, where the replaced files were set aside (null: there were none). */
export const RestoreDoneSchema = z.object({
  backup: BackupInfoSchema,
  setAsideIn: z.string().nullable(),
  /** Deletions whose date had passed, purged right after (R13). */
  purged: z.number().int(),
});
export type RestoreDone = z.infer<typeof RestoreDoneSchema>;

export const VaultStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), home: z.string(), passphraseSet: z.boolean() }),
  /**
   * R15: the vault's keys are not held. `passphraseSet` says whether unlocking needs the passphrase;
   * `throttledUntil` is when the next try is allowed after too many wrong ones (null: now).
   */
  z.object({
    state: z.literal('locked'),
    home: z.string(),
    passphraseSet: z.boolean(),
    throttledUntil: IsoTime.nullable(),
  }),
  z.object({ state: z.literal('uninitialised'), home: z.string() }),
  z.object({ state: z.literal('unavailable'), home: z.string(), error: CustodyErrorSchema }),
]);
export type VaultStatus = z.infer<typeof VaultStatusSchema>;
