/**
 * Electron's side of the automatic lock (R15), kept thin: samples powerMonitor for
 * auto-lock-policy.ts and locks on its verdict, and locks at once on the OS's screen lock (macOS,
 * Windows) and on suspend. Linux sends no screen-lock event; its locked state is seen by polling.
 */
import { powerMonitor } from 'electron';
import type { AutoLockPolicy, LockReason } from './auto-lock-policy';
import type { VaultSession } from './vault-session';

/** Often enough that a locked screen locks the vault within a quarter of a minute. */
const POLL_MS = 15_000;

export function startAutoLock(session: VaultSession, policy: AutoLockPolicy): () => void {
  const lock = (reason: LockReason) => {
    if (!session.isLocked()) void session.lock(reason);
  };
  // The unlock was input: the app's idle time starts from it.
  const stopRestarting = session.onUnlock(() => policy.restart());
  const poll = setInterval(() => {
    if (session.isLocked()) return;
    const idleMinutes = session.idleMinutes();
    const reason = policy.check(
      {
        idleSeconds: powerMonitor.getSystemIdleTime(),
        idleState: powerMonitor.getSystemIdleState(idleMinutes * 60),
      },
      idleMinutes,
    );
    if (reason) lock(reason);
  }, POLL_MS);
  const onScreenLock = () => lock('screen-lock');
  const onSuspend = () => lock('suspend');
  powerMonitor.on('lock-screen', onScreenLock);
  powerMonitor.on('suspend', onSuspend);
  return () => {
    stopRestarting();
    clearInterval(poll);
    powerMonitor.off('lock-screen', onScreenLock);
    powerMonitor.off('suspend', onSuspend);
  };
}
