/**
 * The app's side of R15: whether the window may use the vault now, and the lock and unlock that
 * change it. No Electron here: main (index.ts) and the Chromium test bridge build one over the same
 * core, and ipc-dispatch.ts asks it about every call (`admit`), so a locked vault answers
 * VAULT_LOCKED on every channel the contract does not declare as working while locked.
 *
 * Locking closes that gate first, then lets the calls already admitted finish (a write in flight
 * completes), stops the decrypt batches (each records its summary while the keys are still held),
 * audits the lock, and has the core zero-fill and forget its keys. Other parts of main that hold
 * something worth forgetting (revealed keys, the clipboard) register with `onLock`.
 */
import type { VaultStatus } from '../../shared/domain';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { type Custody, CustodyError } from '../custody';
import type { LockReason } from './auto-lock-policy';
import type { EmitEvent } from './emit-event';

/** Runs on every lock, after the keys are gone; a failing listener does not stop the lock. */
export type LockListener = () => void | Promise<void>;

export interface VaultSessionOptions {
  custody: Pick<Custody, 'status' | 'unlock' | 'lock' | 'recordLockEvent' | 'settings'>;
  /** Stops every running decrypt batch and waits until each recorded its summary. */
  stopBatches: () => Promise<void>;
  emit: EmitEvent;
  /** Told when an audit entry or a listener failed during a lock; gets no secret. */
  onUnexpectedError?: (context: string, error: unknown) => void;
  /** How long a lock waits for calls in flight (an OS dialog may be open) before it locks anyway. */
  drainMs?: number;
}

export interface VaultSession {
  /**
   * Admits one call on a channel that needs the vault unlocked: returns its release (call it when
   * the call has finished), or null while locked.
   */
  admit(): (() => void) | null;
  isLocked(): boolean;
  /** The start-up's status: a vault with a passphrase starts locked. */
  started(status: VaultStatus): Promise<void>;
  lock(reason: LockReason): Promise<VaultStatus>;
  unlock(passphrase?: string): Promise<VaultStatus>;
  /** The vault's idle minutes, as last read (after start-up, unlock or a settings change). */
  idleMinutes(): number;
  /** Reads the settings again after they changed. */
  refreshSettings(): Promise<void>;
  onLock(listener: LockListener): () => void;
  /** Runs after each unlock. */
  onUnlock(listener: () => void): () => void;
}

export function lockedError(): CustodyError {
  return new CustodyError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue; nothing was changed.');
}

const DEFAULT_DRAIN_MS = 10_000;

export function createVaultSession(options: VaultSessionOptions): VaultSession {
  const { custody, emit } = options;
  const report = options.onUnexpectedError ?? (() => undefined);
  let locked = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;
  let locking: Promise<VaultStatus> | null = null;
  let idleMinutes = DEFAULT_SETTINGS.idleMinutes;
  const listeners = new Set<LockListener>();
  const unlockListeners = new Set<() => void>();

  const release = () => {
    inFlight -= 1;
    if (inFlight === 0) drained?.();
  };

  const drain = () =>
    new Promise<void>((resolve) => {
      if (inFlight === 0) return resolve();
      const timer = setTimeout(resolve, options.drainMs ?? DEFAULT_DRAIN_MS);
      drained = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      drained = null;
    });

  const attempt = async (context: string, work: () => void | Promise<void>) => {
    try {
      await work();
    } catch (error) {
      report(context, error);
    }
  };

  const pushStatus = async () => {
    const status = await custody.status();
    emit('vault.status', status);
    return status;
  };

  const refreshSettings = async () => {
    idleMinutes = (await custody.settings()).idleMinutes;
  };

  const runLock = async (reason: LockReason) => {
    // Nothing to lock without an open vault (none yet, or one that cannot open).
    const before = await custody.status();
    if (before.state !== 'ready') return before;
    locked = true;
    await drain();
    await attempt('stopping decrypt batches on lock', options.stopBatches);
    await attempt('auditing the lock', () => custody.recordLockEvent('vault.lock', reason));
    custody.lock();
    for (const listener of listeners) await attempt('a lock listener', listener);
    return pushStatus();
  };

  return {
    admit() {
      if (locked) return null;
      inFlight += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    },
    isLocked: () => locked,
    async started(status) {
      locked = status.state === 'locked';
      if (status.state === 'ready') await attempt('reading the settings', refreshSettings);
    },
    lock(reason) {
      if (locking) return locking;
      if (locked) return custody.status();
      locking = runLock(reason).finally(() => {
        locking = null;
      });
      return locking;
    },
    async unlock(passphrase) {
      if (locking) await locking;
      if (!locked) return custody.status();
      await custody.unlock(passphrase);
      locked = false;
      await attempt('auditing the unlock', () =>
        custody.recordLockEvent('vault.unlock', passphrase === undefined ? 'keychain' : 'passphrase'),
      );
      await attempt('reading the settings', refreshSettings);
      for (const listener of unlockListeners) await attempt('an unlock listener', listener);
      return pushStatus();
    },
    idleMinutes: () => idleMinutes,
    refreshSettings,
    onLock(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onUnlock(listener) {
      unlockListeners.add(listener);
      return () => unlockListeners.delete(listener);
    },
  };
}
