import { z } from 'zod';
import { AuditEntrySchema, KeyInfoSchema, WorkflowSummarySchema } from '../../shared/domain';
import { DEFAULT_SETTINGS, VaultSettingsSchema } from '../../shared/settings';

/**
 * What the sealed part of `vault.json` holds. Key material lives only here, inside the
 * AES-256-GCM envelope of vault-file.ts; it is never logged and never leaves the core except
 * once, from `addKey`.
 *
 * A stored key is the public KeyInfo without its workflow id (the workflow it sits in says that),
 * with its material.
 */
export const StoredKeySchema = KeyInfoSchema.omit({ workflowId: true }).extend({
  /**
   * The 32 raw key bytes: base64 in the sealed file, a Buffer once unsealed, so that a lock can
   * zero-fill them (`zeroKeyMaterial`); a string could not be wiped.
   */
  material: z.string().transform((text) => Buffer.from(text, 'base64')),
});
export type StoredKey = z.infer<typeof StoredKeySchema>;

/** A stored workflow is the public summary's own fields (not its counts and badges), with its keys. */
export const StoredWorkflowSchema = WorkflowSummarySchema.pick({
  id: true,
  name: true,
  notes: true,
  rotationDays: true,
  createdAt: true,
}).extend({
  keys: z.array(StoredKeySchema),
});
export type StoredWorkflow = z.infer<typeof StoredWorkflowSchema>;

export const VaultStateSchema = z.object({
  workflows: z.array(StoredWorkflowSchema),
  /** The last audit entry committed with this state; lets a crash between the two writes be repaired. */
  auditTail: AuditEntrySchema.nullable(),
  /** Absent from vaults written before settings lived here: those get the defaults. */
  settings: VaultSettingsSchema.default(DEFAULT_SETTINGS),
  /** R16: when the last backup was made, and a digest of the workflows and keys it held; null: never. */
  lastBackup: z.object({ at: z.string(), keysDigest: z.string() }).nullable().default(null),
  /**
   * R17: moves with every change to workflows, keys, settings and the passphrase, never with an
   * audit-only write (content-generation.ts); the keychain records it. The header's `generation`
   * counts every write. Absent from vaults written before R17: 0.
   */
  contentGeneration: z.number().int().nonnegative().default(0),
});
export type VaultState = z.infer<typeof VaultStateSchema>;

/** Zero-fills every key's material in an unsealed state that nobody will use again (on lock). */
export function zeroKeyMaterial(state: VaultState): void {
  for (const workflow of state.workflows) for (const key of workflow.keys) key.material.fill(0);
}

/** JSON.stringify's replacer for sealing: key material goes into the file as base64 text. */
export function keyMaterialAsText(this: unknown, name: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[name];
  return Buffer.isBuffer(raw) ? raw.toString('base64') : value;
}

export const EMPTY_VAULT: VaultState = {
  workflows: [],
  auditTail: null,
  settings: DEFAULT_SETTINGS,
  lastBackup: null,
  contentGeneration: 0,
};
