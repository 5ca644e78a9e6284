/**
 * R12 as one rule for the core (the "Rotation due" flag) and the renderer (the key table's age
 * column and the workflow's banner), so the two can never disagree.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface RotationAge {
  /** Whole days the key has been active. */
  daysActive: number;
  /** Whole days left before rotation is due; 0 or less once it is (−3: due for three days). */
  daysLeft: number;
  /** R12: active for longer than the rotation period. */
  due: boolean;
}

/** How long a key activated at `activatedAt` has been active, measured against a rotation period of `rotationDays`. */
export function rotationAge(activatedAt: string, rotationDays: number, now: Date): RotationAge {
  const elapsed = now.getTime() - Date.parse(activatedAt);
  const period = rotationDays * DAY_MS;
  return {
    daysActive: Math.max(0, Math.floor(elapsed / DAY_MS)),
    daysLeft: Math.ceil((period - elapsed) / DAY_MS),
    due: elapsed > period,
  };
}
