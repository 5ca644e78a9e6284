import { z } from 'zod';

/**
 * Settings kept in the sealed vault (they travel with it), each change audited. The app shows
 * them from these bounds; the core refuses anything outside them.
 */
export const SETTING_BOUNDS = {
  /** Lock after this many idle minutes (R15). */
  idleMinutes: { min: 1, max: 240, default: 5 },
  /** Clear a copied secret from the clipboard after this many seconds (R14). */
  clipboardSeconds: { min: 10, max: 300, default: 30 },
  /** Days a deleted key waits before its material leaves the vault; 0 deletes at once (R13). */
  deletionWaitDays: { min: 0, max: 30, default: 7 },
} as const;

export type SettingName = keyof typeof SETTING_BOUNDS;
export const SETTING_NAMES = Object.keys(SETTING_BOUNDS) as SettingName[];

function bounded(name: SettingName) {
  const { min, max } = SETTING_BOUNDS[name];
  return z.number().int(`${name} is a whole number`).min(min, `${name} is at least ${min}`).max(max, `${name} is at most ${max}`);
}

/** Every setting with its bounds and no default: what a change may name. */
const SettingsShape = z.object({
  idleMinutes: bounded('idleMinutes'),
  clipboardSeconds: bounded('clipboardSeconds'),
  deletionWaitDays: bounded('deletionWaitDays'),
});

export const VaultSettingsSchema = SettingsShape.extend({
  // Vaults written before R13 have no value yet: they get the default.
  deletionWaitDays: bounded('deletionWaitDays').default(SETTING_BOUNDS.deletionWaitDays.default),
});
export type VaultSettings = z.infer<typeof VaultSettingsSchema>;

/** A change names only the settings it changes (no default fills in the others). */
export const SettingsChangesSchema = SettingsShape.partial().strict();
export type SettingsChanges = z.infer<typeof SettingsChangesSchema>;

export const DEFAULT_SETTINGS: VaultSettings = {
  idleMinutes: SETTING_BOUNDS.idleMinutes.default,
  clipboardSeconds: SETTING_BOUNDS.clipboardSeconds.default,
  deletionWaitDays: SETTING_BOUNDS.deletionWaitDays.default,
};

/**
 * A new vault passphrase. Long enough that scrypt has something to protect; spaces are part of
 * it (a passphrase file's one trailing line break is not).
 */
export const PASSPHRASE_MIN_CHARS = 8;
export const PASSPHRASE_MAX_CHARS = 1024;
export const NewPassphraseSchema = z
  .string()
  .refine((p) => [...p].length >= PASSPHRASE_MIN_CHARS, `a passphrase has at least ${PASSPHRASE_MIN_CHARS} characters`)
  .refine((p) => p.length <= PASSPHRASE_MAX_CHARS, `a passphrase has at most ${PASSPHRASE_MAX_CHARS} characters`)
  .refine((p) => p.trim() !== '', 'a passphrase is more than white space');
