// Never log the backup passphrase or the snapshot: it holds every key.
import { NewPassphraseSchema } from '../../shared/settings';
import type { BackupWritten } from '../../shared/domain';
import { writeFileAtomic, writeNewFileAtomic } from './atomic-file';
import { parseAuditLog, verifyAuditChain } from './audit-log';
import { countsOf, sealBackup } from './backup-file';
import { withBackupRecorded } from './backup-status';
import { CustodyError } from './custody-error';
import type { AuditEvent } from './key-lifecycle';
import { cannotWrite } from './private-file';
import type { ScryptParams } from './scrypt-params';
import type { VaultStore } from './vault-store';

export interface BackupRequest {
  /** Where the backup goes; an existing file is replaced only with `overwrite`. */
  path: string;
  passphrase: string;
  overwrite: boolean;
  params: ScryptParams;
}

/** The backup passphrase is a new passphrase: the same rules as the vault's, checked before anything is read. */
export function checkBackupPassphrase(passphrase: string): void {
  const parsed = NewPassphraseSchema.safeParse(passphrase);
  if (!parsed.success) {
    throw new CustodyError(
      'INVALID_INPUT',
      `Invalid backup passphrase: ${parsed.error.issues[0]?.message ?? 'not valid'}. Nothing was written.`,
    );
  }
}

const THEN = 'Choose another file or folder for the backup.';

async function writeBackupFile(path: string, text: string, overwrite: boolean): Promise<void> {
  try {
    if (overwrite) await writeFileAtomic(path, text, THEN);
    else await writeNewFileAtomic(path, text, THEN);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CustodyError(
        'ALREADY_EXISTS',
        `${path} already exists; nothing was written. Choose another file name, or replace it on purpose (custody backup --force).`,
      );
    }
    throw error instanceof CustodyError ? error : cannotWrite(path, error, THEN);
  }
}

/**
 * R16: one file holding the vault's state and audit log, sealed under the backup passphrase,
 * written by the file rules; then one audit entry (path and counts) and "last backup" recorded.
 * A vault whose audit chain does not verify is refused: its backup could never be restored.
 */
export async function backUpVault(store: VaultStore, request: BackupRequest): Promise<BackupWritten> {
  checkBackupPassphrase(request.passphrase);
  return store.snapshot(async ({ vaultId, state, auditLog, keys }, now) => {
    const verification = verifyAuditChain(keys.auditKey, parseAuditLog(auditLog), state.auditTail);
    if (!verification.ok) {
      throw new CustodyError(
        'VAULT_CORRUPT',
        `The audit log does not verify (${verification.problem}), so a backup of it could not be restored. Nothing was written; see "custody audit --verify".`,
      );
    }
    const text = await sealBackup({
      state,
      auditLog,
      vaultId,
      keys,
      passphrase: request.passphrase,
      params: request.params,
      now,
    });
    await writeBackupFile(request.path, text, request.overwrite);
    const counts = countsOf(state);
    const event: AuditEvent = {
      action: 'vault.backup',
      workflowId: null,
      keyId: null,
      fingerprint: null,
      details: { file: request.path, ...counts },
    };
    const written: BackupWritten = { path: request.path, createdAt: now.toISOString(), vaultId, ...counts };
    return { state: withBackupRecorded(state, now), event, result: written };
  });
}
