import { createHash } from 'node:crypto';
import type { BackupStatus } from '../../shared/domain';
import type { VaultState } from './vault-state';

/**
 * What a backup must be redone for: the workflows, and each key's id, status and scheduled
 * deletion. Not "last matched" times, settings or audit entries. Holds no secret (ids only).
 */
export function keysDigest(state: VaultState): string {
  const shape = state.workflows.map((w) => [w.id, w.keys.map((k) => [k.id, k.status, k.deletionScheduledFor])]);
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex');
}

/** R16: the state with this backup recorded as the last one. */
export function withBackupRecorded(state: VaultState, at: Date | string): VaultState {
  const time = typeof at === 'string' ? at : at.toISOString();
  return { ...state, lastBackup: { at: time, keysDigest: keysDigest(state) } };
}

/** "Last backup: 12 days ago" and the nudge when workflows or keys changed since. */
export function backupStatusOf(state: VaultState): BackupStatus {
  const last = state.lastBackup;
  return {
    lastBackupAt: last?.at ?? null,
    changedSinceBackup: last === null ? state.workflows.length > 0 : last.keysDigest !== keysDigest(state),
  };
}
