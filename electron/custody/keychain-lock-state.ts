import { execFile } from 'node:child_process';

const PROBE_TIMEOUT_MS = 2_000;

function dbusSend(args: readonly string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      'dbus-send',
      ['--session', '--print-reply', '--dest=org.freedesktop.secrets', ...args],
      { timeout: PROBE_TIMEOUT_MS },
      (error, stdout) => resolve(error ? null : stdout),
    );
  });
}

/**
 * Linux: whether the Secret Service's default collection (where keytar keeps items) is locked,
 * read from its `Locked` property over the session bus with dbus-send; null when that cannot be
 * told (no dbus-send, no Secret Service, no default collection). Reading the property never
 * prompts. keytar cannot tell on its own: a lookup in a locked collection answers "no such item".
 */
export async function secretServiceLocked(): Promise<boolean | null> {
  if (process.platform !== 'linux') return null;
  const alias = await dbusSend(['/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.ReadAlias', 'string:default']);
  const collection = alias && /object path "([^"]+)"/.exec(alias)?.[1];
  if (!collection || collection === '/') return null;
  const locked = await dbusSend([
    collection,
    'org.freedesktop.DBus.Properties.Get',
    'string:org.freedesktop.Secret.Collection',
    'string:Locked',
  ]);
  const value = locked && /boolean (true|false)/.exec(locked)?.[1];
  return value ? value === 'true' : null;
}

/** macOS: the Security framework's answer for a locked keychain that may not show a prompt (errSecInteractionNotAllowed). */
export function isLockedKeychainMessage(message: string): boolean {
  return process.platform === 'darwin' && /User interaction is not allowed|-25308/i.test(message);
}

/** How to unlock the keychain, on this platform. */
export function howToUnlock(): string {
  if (process.platform === 'darwin') {
    return 'Unlock the login keychain in Keychain Access (or allow access when macOS asks), then try again.';
  }
  return 'Unlock it in Passwords and Keys (Seahorse) or your keyring tool (KWallet, KeePassXC), or log out and in again, then try again.';
}
