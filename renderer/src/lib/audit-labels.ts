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
  'key.copy': 'Key copied',
  'decrypt.batch': 'Payloads decrypted',
};

export function auditDetails(entry: AuditEntry): string {
  return Object.entries(entry.details)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join(', ');
}
