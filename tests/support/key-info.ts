/** A key as main describes it to the page (no material), for tests that need one to hand around. */
import type { KeyInfo } from '../../shared/domain';

export function keyInfo(changes: Partial<KeyInfo> = {}): KeyInfo {
  return {
    id: 'k_00000000000000a1',
    workflowId: 'wf',
    label: '',
    status: 'active',
    origin: 'generated',
    fingerprint: '0123456789abcdef',
    createdAt: '2026-01-01T00:00:00.000Z',
    activatedAt: '2026-01-01T00:00:00.000Z',
    deactivatedAt: null,
    lastMatchedAt: null,
    deletionScheduledFor: null,
    ...changes,
  };
}
