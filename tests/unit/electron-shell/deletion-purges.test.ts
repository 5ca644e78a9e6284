import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PURGE_EVERY_MS, startDeletionPurges } from '../../../electron/main/deletion-purges';

let stop: () => void = () => undefined;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('the hourly purge while the app is open (R13)', () => {
  it('asks the core to purge every hour, and refreshes the windows only when keys left the vault', async () => {
    const purge = vi.fn<() => Promise<number>>().mockResolvedValueOnce(0).mockResolvedValueOnce(2);
    const onPurged = vi.fn();
    stop = startDeletionPurges({ purge, onPurged });

    await vi.advanceTimersByTimeAsync(PURGE_EVERY_MS - 1);
    expect(purge).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(purge).toHaveBeenCalledTimes(1);
    expect(onPurged).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(PURGE_EVERY_MS);
    expect(onPurged).toHaveBeenCalledWith(2);
  });

  it('keeps going after a purge fails (a locked or busy vault), and stops when told', async () => {
    const purge = vi.fn<() => Promise<number>>().mockRejectedValueOnce(new Error('VAULT_LOCKED')).mockResolvedValue(1);
    const onPurged = vi.fn();
    stop = startDeletionPurges({ purge, onPurged });
    await vi.advanceTimersByTimeAsync(2 * PURGE_EVERY_MS);
    expect(onPurged).toHaveBeenCalledOnce();
    stop();
    await vi.advanceTimersByTimeAsync(5 * PURGE_EVERY_MS);
    expect(purge).toHaveBeenCalledTimes(2);
  });
});
