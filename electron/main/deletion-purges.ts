/**
 * R13 while the app stays open: every hour, the deletions whose date has come are purged, so a
 * key scheduled for deletion does not outlive its date just because nobody opened or changed the
 * vault. The rule itself (what is due, never early) lives in the core.
 */
export const PURGE_EVERY_MS = 60 * 60 * 1000;

export interface DeletionPurges {
  /** The core's purge: how many keys left the vault. */
  purge(): Promise<number>;
  /** Told when keys were purged, so the windows refresh. */
  onPurged(count: number): void;
  everyMs?: number;
}

/**
 * Starts the hourly purge; returns the function that stops it. A locked or missing vault, or a
 * busy one, is left for the next hour or the next open, which purge the same keys.
 */
export function startDeletionPurges({ purge, onPurged, everyMs = PURGE_EVERY_MS }: DeletionPurges): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    purge()
      .then((count) => {
        if (count > 0) onPurged(count);
      })
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  // The timer alone never keeps the app (or a test) alive.
  timer.unref();
  return () => clearInterval(timer);
}
