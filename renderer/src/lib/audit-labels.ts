import type { AuditAction, AuditEntry } from '../../../shared/domain';

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'vault.init': 'Vault created',
  'workflow.add': 'Workflow added',
  'workflow.update': 'Workflow edited',
  'workflow.remove': 'Workflow removed',
  'key.add': 'Key added',
  'key.import': 'Key imported',
  'key.activate': 'Key activated',
  'key.deactivate': 'Key deactivated',
  'key.delete': 'Key deleted',
  'key.scheduleDeletion': 'Key deletion scheduled',
  'key.cancelDeletion': 'Key deletion cancelled',
  'key.purge': 'Key deleted (scheduled deletion took effect)',
  'key.copy': 'Key copied',
  'key.discard': 'Key discarded before use',
  'decrypt.batch': 'Payloads decrypted',
  'vault.migrate': 'Vault brought to the key envelope format',
  'passphrase.set': 'Passphrase set',
  'passphrase.change': 'Passphrase changed',
  'passphrase.remove': 'Passphrase removed',
  'unlock.failed': 'Wrong passphrases tried',
  'settings.update': 'Settings changed',
  'payload.encrypt': 'Payload encrypted (simulated)',
  'plaintext.export': 'Decrypted plaintext exported',
  'audit.export': 'Audit log exported',
  'vault.relocate': 'Vault moved to this computer’s local profile',
  'audit.repaired': 'Audit log repaired after a crash',
  'vault.backup': 'Vault backed up',
  'vault.restore': 'Vault restored from a backup',
  'vault.lock': 'Vault locked',
  'vault.unlock': 'Vault unlocked',
  'vault.acceptRollback': 'Older vault accepted (rollback)',
};

export function auditDetails(entry: AuditEntry): string {
  return Object.entries(entry.details)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join(', ');
}
