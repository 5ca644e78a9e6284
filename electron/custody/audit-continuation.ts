import type { AuditEntry } from '../../shared/domain';
import { readAuditLog, verifyAuditChain } from './audit-log';

/**
 * The entry an accepted rollback chains its audit entry from. A vault file put back from an older
 * copy recorded an earlier entry than the log holds; when the whole log verifies and holds that
 * entry, the new entry follows the log's last one, so the log keeps the undone changes and still
 * verifies. Otherwise the vault's own entry: verification then reports the log's problem as before.
 */
export async function continuedAuditTail(
  auditPath: string,
  auditKey: Uint8Array,
  vaultTail: AuditEntry | null,
): Promise<AuditEntry | null> {
  const read = await readAuditLog(auditPath);
  const head = read.entries.at(-1) ?? null;
  if (!head || !verifyAuditChain(auditKey, read, head).ok) return vaultTail;
  const recorded = vaultTail && read.entries[vaultTail.seq - 1];
  if (vaultTail && recorded?.mac !== vaultTail.mac) return vaultTail;
  return head;
}
