import { describe, expect, it } from 'vitest';
import { createAutoLockPolicy } from '../../../electron/main/auto-lock-policy';

const MINUTE = 60_000;

function policyAt(start = 0) {
  const clock = { now: start };
  return { clock, policy: createAutoLockPolicy(() => clock.now) };
}

describe('automatic lock (R15)', () => {
  it('locks once the OS has been idle for the idle minutes, and not before', () => {
    const { clock, policy } = policyAt();
    clock.now = 10 * MINUTE;
    expect(policy.check({ idleSeconds: 4 * 60 + 59, idleState: 'active' }, 5)).toBeNull();
    expect(policy.check({ idleSeconds: 5 * 60, idleState: 'idle' }, 5)).toBe('idle');
  });

  it('does not lock while the user works elsewhere on the machine, once the OS idle time is seen counting', () => {
    const { clock, policy } = policyAt();
    expect(policy.check({ idleSeconds: 3, idleState: 'active' }, 5)).toBeNull();
    // Twenty minutes without input to the app, but the OS saw input a second ago.
    clock.now = 20 * MINUTE;
    expect(policy.check({ idleSeconds: 1, idleState: 'active' }, 5)).toBeNull();
  });

  it('falls back to the app input timer where the OS idle time always reads 0 (some Wayland sessions)', () => {
    const { clock, policy } = policyAt();
    clock.now = 4 * MINUTE;
    expect(policy.check({ idleSeconds: 0, idleState: 'active' }, 5)).toBeNull();
    policy.noteAppInput();
    clock.now = 8 * MINUTE;
    expect(policy.check({ idleSeconds: 0, idleState: 'active' }, 5)).toBeNull();
    clock.now = 9 * MINUTE;
    expect(policy.check({ idleSeconds: 0, idleState: 'active' }, 5)).toBe('idle');
  });

  it('starts the app idle time again after an unlock', () => {
    const { clock, policy } = policyAt();
    clock.now = 30 * MINUTE;
    policy.restart();
    clock.now = 31 * MINUTE;
    expect(policy.check({ idleSeconds: 0, idleState: 'active' }, 5)).toBeNull();
  });

  it('locks at once when the OS reports the screen locked, whatever the idle time', () => {
    const { policy } = policyAt();
    policy.noteAppInput();
    expect(policy.check({ idleSeconds: 0, idleState: 'locked' }, 240)).toBe('screen-lock');
  });

  it('follows a change of the idle minutes setting', () => {
    const { clock, policy } = policyAt();
    clock.now = 2 * MINUTE;
    expect(policy.check({ idleSeconds: 0, idleState: 'active' }, 5)).toBeNull();
    expect(policy.check({ idleSeconds: 0, idleState: 'active' }, 1)).toBe('idle');
  });
});
