/**
 * When the vault locks by itself (R15), as a pure rule over what main can observe: the OS's idle
 * time and idle state (sampled by auto-lock.ts from Electron's powerMonitor), and the last input
 * the app itself saw. The clock is injected so the rule is tested without waiting.
 *
 * Idle: the OS's idle time is what the peers use (the user is away from the whole machine). Some
 * Wayland sessions report it as 0 for ever; until a sample has shown it counting, the app's own
 * input timer stands in for it, so such a session still locks after the idle minutes.
 * Screen lock: the OS's idle state 'locked' (polled; macOS and Windows also send 'lock-screen',
 * which main turns into a lock at once).
 */

export type LockReason = 'command' | 'idle' | 'screen-lock' | 'suspend' | 'quit';

/** What powerMonitor reports: `getSystemIdleTime()` and `getSystemIdleState(threshold)`. */
export interface OsIdleSample {
  idleSeconds: number;
  idleState: 'active' | 'idle' | 'locked' | 'unknown';
}

export interface AutoLockPolicy {
  /** The user did something in the app's window (a key, a click, a scroll). */
  noteAppInput(): void;
  /** Decides on one sample: the reason to lock now, or null. */
  check(sample: OsIdleSample, idleMinutes: number): Extract<LockReason, 'idle' | 'screen-lock'> | null;
  /** After an unlock the idle time starts again (the unlock was input). */
  restart(): void;
}

export function createAutoLockPolicy(clock: () => number): AutoLockPolicy {
  let lastAppInput = clock();
  let osIdleCounts = false;

  return {
    noteAppInput() {
      lastAppInput = clock();
    },
    check({ idleSeconds, idleState }, idleMinutes) {
      if (idleState === 'locked') return 'screen-lock';
      if (idleSeconds > 0) osIdleCounts = true;
      const appIdleSeconds = (clock() - lastAppInput) / 1000;
      const idle = osIdleCounts ? idleSeconds : appIdleSeconds;
      return idle >= idleMinutes * 60 ? 'idle' : null;
    },
    restart() {
      lastAppInput = clock();
    },
  };
}
