/**
 * R14: reveal handles. A just-made (or just-imported) key's value stays here, in main, as a Buffer;
 * the page gets a random handle and fetches the value only to show it in the reveal dialog. A
 * handle dies when the dialog closes, when the page reloads, after 10 minutes, or on lock
 * (`forgetAll`); its Buffer is zero-filled then, and every later use is REVEAL_EXPIRED.
 */
import { randomBytes } from 'node:crypto';
import { type KeyInfo, REVEAL_LIFETIME_MS, type RevealHandle } from '../../shared/domain';
import { CustodyError } from '../custody';

/** What a live handle names: the key, and its material (owned here; zero-filled when the handle dies). */
export interface Revealed {
  key: KeyInfo;
  material: Buffer;
}

export interface RevealHandles {
  /** Takes ownership of `material`: the caller must not zero or keep it. */
  issue(key: KeyInfo, material: Buffer): RevealHandle;
  /** The live handle's key and material (not a copy: use it at once, keep nothing). REVEAL_EXPIRED otherwise. */
  use(handle: string): Revealed;
  /** Kills one handle (the dialog closed, or its key was discarded). Closing a dead handle is fine. */
  close(handle: string): void;
  /** Kills every handle: page reload, lock, quit. */
  forgetAll(): void;
}

export interface RevealHandleOptions {
  /** Milliseconds since the epoch; injected by tests. */
  now?: () => number;
  /** Told when the first handle is issued (true) and when the last one dies (false). */
  onLiveChange?: (anyLive: boolean) => void;
  /** Runs `expire` after `ms`, so a forgotten dialog's Buffer is zeroed on time; tests pass a no-op. */
  schedule?: (expire: () => void, ms: number) => void;
}

function expired(): CustodyError {
  return new CustodyError(
    'REVEAL_EXPIRED',
    'This key can no longer be shown or copied: its dialog was closed, the page reloaded, 10 minutes passed, or the vault locked. Add a new key if nobody copied this one.',
  );
}

function scheduleUnref(expire: () => void, ms: number): void {
  // Never keeps the app alive: on quit forgetAll() zeroes whatever is left.
  setTimeout(expire, ms).unref();
}

export function createRevealHandles(options: RevealHandleOptions = {}): RevealHandles {
  const now = options.now ?? Date.now;
  const schedule = options.schedule ?? scheduleUnref;
  const live = new Map<string, Revealed & { expiresAt: number }>();

  const kill = (handle: string): void => {
    const entry = live.get(handle);
    if (!entry) return;
    entry.material.fill(0);
    live.delete(handle);
    if (live.size === 0) options.onLiveChange?.(false);
  };
  const sweep = (): void => {
    const at = now();
    for (const [handle, entry] of live) if (entry.expiresAt <= at) kill(handle);
  };

  return {
    issue(key, material) {
      sweep();
      const handle: RevealHandle = `rh_${randomBytes(16).toString('hex')}`;
      live.set(handle, { key, material, expiresAt: now() + REVEAL_LIFETIME_MS });
      if (live.size === 1) options.onLiveChange?.(true);
      schedule(sweep, REVEAL_LIFETIME_MS);
      return handle;
    },
    use(handle) {
      sweep();
      const entry = live.get(handle);
      if (!entry) throw expired();
      return { key: entry.key, material: entry.material };
    },
    close: kill,
    forgetAll() {
      for (const handle of [...live.keys()]) kill(handle);
    },
  };
}
