import { z } from 'zod';
import {
  AuditEntrySchema,
  KeyIdSchema,
  KeyOriginSchema,
  KeyStatusSchema,
  RotationDaysSchema,
  WorkflowIdSchema,
} from '../../shared/domain';
import { DEFAULT_SETTINGS, VaultSettingsSchema } from '../../shared/settings';

/**
 * What the sealed part of `vault.json` holds. Key material lives only here, inside the
 * AES-256-GCM envelope of vault-file.ts; it is never logged and never leaves the core except
 * once, from `addKey`.
 */
export const StoredKeySchema = z.object({
  id: KeyIdSchema,
  label: z.string(),
  status: KeyStatusSchema,
  origin: KeyOriginSchema,
  fingerprint: z.string(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
  deactivatedAt: z.string().nullable(),
  lastMatchedAt: z.string().nullable(),
  /** base64 of the 32 raw key bytes. */
  material: z.string(),
});
export type StoredKey = z.infer<typeof StoredKeySchema>;

export const StoredWorkflowSchema = z.object({
  id: WorkflowIdSchema,
  name: z.string(),
  notes: z.string(),
  rotationDays: RotationDaysSchema,
  createdAt: z.string(),
  keys: z.array(StoredKeySchema),
});
export type StoredWorkflow = z.infer<typeof StoredWorkflowSchema>;

export const VaultStateSchema = z.object({
  workflows: z.array(StoredWorkflowSchema),
  /** The last audit entry committed with this state; lets a crash between the two writes be repaired. */
  auditTail: AuditEntrySchema.nullable(),
  /** Absent from vaults written before settings lived here: those get the defaults. */
  settings: VaultSettingsSchema.default(DEFAULT_SETTINGS),
});
export type VaultState = z.infer<typeof VaultStateSchema>;

export const EMPTY_VAULT: VaultState = { workflows: [], auditTail: null, settings: DEFAULT_SETTINGS };
