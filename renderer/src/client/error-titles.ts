import type { CustodyErrorShape, ErrorCode } from '../../../shared/errors';

/** A short headline per error code; the core's message (what happened, what to do) goes under it. */
export const ERROR_TITLES: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Check what you entered',
  NOT_FOUND: 'Not found',
  ALREADY_EXISTS: 'Already exists',
  DUPLICATE_KEY: 'This key is already in the vault',
  ACTIVE_KEY_DELETE_REFUSED: 'The active key cannot be deleted',
  WORKFLOW_HAS_ACTIVE_KEY: 'The workflow still has an active key',
  KEY_DELETION_SCHEDULED: 'This key is scheduled for deletion',
  MALFORMED_PAYLOAD: 'Not a secureFetch payload',
  NO_MATCHING_KEY: 'No key matched',
  INVALID_KEY: 'Not a valid encryption key',
  VAULT_NOT_INITIALISED: 'There is no vault yet',
  VAULT_LOCKED: 'The vault is locked',
  WRONG_PASSPHRASE: 'Wrong passphrase',
  UNLOCK_THROTTLED: 'Too many wrong passphrases',
  REVEAL_EXPIRED: 'The key can no longer be shown',
  CLIPBOARD_UNAVAILABLE: 'The clipboard is not available',
  VAULT_BUSY: 'The vault is busy',
  VAULT_CORRUPT: 'The vault file is damaged',
  VAULT_KEY_MISSING: 'The vault key is missing from the keychain',
  VAULT_ROLLED_BACK: 'The vault file is older than expected',
  VAULT_MISSING: 'The vault file is missing',
  BACKUP_INVALID: 'The backup cannot be used',
  KEYCHAIN_UNAVAILABLE: 'The OS keychain is not reachable',
  PERMISSION_DENIED: 'Permission denied',
  UNSUPPORTED_INPUT: 'Not a regular file',
  KEYCHAIN_LOCKED: 'The OS keychain is locked',
  INTERNAL: 'Something went wrong',
};

/** Errors after which nothing in the vault can be read: the app shows the vault screen instead. */
const VAULT_LEVEL: ReadonlySet<ErrorCode> = new Set([
  'VAULT_NOT_INITIALISED',
  'VAULT_LOCKED',
  'VAULT_CORRUPT',
  'VAULT_KEY_MISSING',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'VAULT_ROLLED_BACK',
  'VAULT_MISSING',
]);

export function isVaultLevel(error: CustodyErrorShape): boolean {
  return VAULT_LEVEL.has(error.code);
}

/** What a person can do about a vault that cannot open, beyond the core's own message. */
export const VAULT_REMEDIES: Partial<Record<ErrorCode, readonly string[]>> = {
  KEYCHAIN_UNAVAILABLE: [
    'Unlock your keychain (macOS Keychain, Windows Credential Manager, or your Linux keyring) and press Retry.',
    'On Linux, make sure a Secret Service is running, for example gnome-keyring or KeePassXC with its Secret Service integration.',
    'If an unlock prompt appeared and was cancelled, press Retry to be asked again.',
  ],
  KEYCHAIN_LOCKED: [
    'Unlock your keyring (on Linux: Seahorse, "Passwords and Keys"; on macOS: Keychain Access, the login keychain) and press Retry.',
  ],
  VAULT_KEY_MISSING: [
    'The vault file exists but the keychain no longer holds its key. Nothing was overwritten.',
    'Restore the keychain item from a backup of your keychain, or move the vault folder aside to start a new vault.',
  ],
  VAULT_CORRUPT: [
    'The vault file failed its integrity check, so it was not opened. Nothing was overwritten.',
    'Restore vault.json from a backup of the vault folder, then press Retry.',
  ],
  VAULT_ROLLED_BACK: [
    'The vault file was replaced by an older copy, so keys, workflows or settings changed since then are not in it. Nothing was changed.',
    'Restore the newest vault.json from your backup and press Retry.',
    'Or, if this older vault is the one you want, accept it: the changes made since stay undone, and the audit log records it.',
  ],
  VAULT_MISSING: [
    'The vault file is gone, but the OS keychain still holds its key. No new vault was created.',
    'Put vault.json back into the vault folder from your backup and press Retry.',
    'Only if the vault is lost for good: discard the old key and start a new, empty vault.',
  ],
  VAULT_NOT_INITIALISED: ['The vault file is no longer in its folder. Put vault.json back and press Retry.'],
  VAULT_LOCKED: ['The vault is locked. Press Retry to see the lock screen, then unlock it.'],
  VAULT_BUSY: [
    'Another program (the custody command line or another window) is writing to the vault. Wait a moment and press Retry.',
  ],
  PERMISSION_DENIED: ['Make sure the vault folder and the files in it belong to you, then press Retry.'],
  UNSUPPORTED_INPUT: [
    'A file of the vault folder is a link or a special file, so it was not opened. Put the real file in its place, then press Retry.',
  ],
  INTERNAL: ['Press Retry. If this keeps happening, restart Workflow Key Custody.'],
};
