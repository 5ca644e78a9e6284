import { z } from 'zod';

/**
 * Every error code in use today (docs/rules.md has the design's full list). A failure anywhere in
 * the product carries one of these.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'DUPLICATE_KEY',
  'ACTIVE_KEY_DELETE_REFUSED',
  'WORKFLOW_HAS_ACTIVE_KEY',
  /** R13: the key waits for its deletion; it cannot be activated (or deleted again) until the deletion is cancelled. */
  'KEY_DELETION_SCHEDULED',
  'MALFORMED_PAYLOAD',
  /**
   * Not a regular file where one is needed: a capture that is a FIFO, socket or device, a link inside a
   * folder (not followed), or a symlink or non-regular file where the app writes.
   */
  'UNSUPPORTED_INPUT',
  'NO_MATCHING_KEY',
  'INVALID_KEY',
  /** No vault yet: the app offers to create one, the CLI says to run `custody init`. */
  'VAULT_NOT_INITIALISED',
  /** Locked (R15): the vault's keys are not held; unlocking (with its passphrase, when set) opens it. */
  'VAULT_LOCKED',
  'WRONG_PASSPHRASE',
  /** Too many wrong passphrases: the next try must wait (the message says how long). */
  'UNLOCK_THROTTLED',
  /** A reveal handle that has died (dialog closed, page reloaded, 10 minutes passed, or lock, R14). */
  'REVEAL_EXPIRED',
  /** The OS clipboard could not be read or written. */
  'CLIPBOARD_UNAVAILABLE',
  'VAULT_BUSY',
  'VAULT_CORRUPT',
  'VAULT_KEY_MISSING',
  /** R17: the vault file is older than the generation the keychain records for its vault id. */
  'VAULT_ROLLED_BACK',
  /** R17: the keychain holds a vault key but the vault file is gone; never replaced by a new empty vault. */
  'VAULT_MISSING',
  /** R16: a backup file that does not open (wrong passphrase, altered, truncated) or breaks a rule. */
  'BACKUP_INVALID',
  'KEYCHAIN_UNAVAILABLE',
  'PERMISSION_DENIED',
  /** The keychain is there but locked, where the platform can tell; the message says how to unlock it. */
  'KEYCHAIN_LOCKED',
  'INTERNAL',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const CustodyErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
});
export type CustodyErrorShape = z.infer<typeof CustodyErrorSchema>;

/** The envelope every IPC answer travels in: the renderer never sees a thrown error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: CustodyErrorShape };

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: CustodyErrorSchema }),
  ]);
}
