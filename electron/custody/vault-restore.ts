// Never log the backup passphrase or what a backup opens to: it holds every key.
import { constants } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupInfo } from '../../shared/domain';
import { writeNewFileAtomic } from './atomic-file';
import { parseAuditLog, verifyAuditChain } from './audit-log';
import { type BackupHeader, type OpenedBackup, backupInvalid, openBackup, readBackupHeader } from './backup-file';
import { withBackupRecorded } from './backup-status';
import { auditFilePath, vaultFilePath } from './custody-paths';
import { CustodyError } from './custody-error';
import { zeroKeys } from './key-envelope';
import type { AuditEvent } from './key-lifecycle';
import { fileFailure, openPrivateFileIfPresent, vaultFolderFix } from './safe-file';
import { vaultStateProblem } from './vault-content-check';
import { zeroKeyMaterial } from './vault-state';
import type { VaultStore } from './vault-store';

/** Far above any real vault's backup; a larger file is not one, and is not read into memory. */
const MAX_BACKUP_BYTES = 256 * 1024 * 1024;
const NONBLOCK = (constants.O_NONBLOCK as number | undefined) ?? 0;

/** A backup file's text: a regular file only (a FIFO would block for ever), of a sane size. */
export async function readBackupText(path: string): Promise<string> {
  const then = 'Choose the backup file itself.';
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CustodyError('INVALID_INPUT', `There is no file ${path}. ${then} Nothing was changed.`);
    }
    throw fileFailure(path, error, 'read', then);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new CustodyError('UNSUPPORTED_INPUT', `${path} is not a regular file. ${then} Nothing was changed.`);
    }
    if (stats.size > MAX_BACKUP_BYTES) throw backupInvalid('it is far larger than any backup');
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

export const backupInfo = ({ createdAt, vaultId, workflows, keys }: BackupHeader): BackupInfo => ({
  createdAt,
  vaultId,
  workflows,
  keys,
});

/** What a backup says of itself, without its passphrase (the confirm before a restore, `--dry-run`). */
export async function inspectBackup(path: string): Promise<BackupInfo> {
  return backupInfo(readBackupHeader(await readBackupText(path)));
}

/** Every check before anything is written: the file (opened), then the rules on its content and its audit chain. */
function checkContent(opened: OpenedBackup): void {
  const problem = vaultStateProblem(opened.state);
  if (problem) throw backupInvalid(problem);
  const verification = verifyAuditChain(opened.keys.auditKey, parseAuditLog(opened.auditLog), opened.state.auditTail);
  if (!verification.ok) throw backupInvalid(`its audit log does not verify (${verification.problem})`);
}

/** `before-restore-2026-12-05T07-12-00Z`: sorts by time, and is a valid name on every platform. */
function setAsideName(now: Date): string {
  return `before-restore-${now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')}`;
}

/** The current vault and audit files, copied byte for byte (still sealed) into a dated folder beside them; null: none. */
async function setAsideCurrent(home: string, now: Date): Promise<string | null> {
  const sources = [vaultFilePath(home), auditFilePath(home)];
  const copies: { name: string; bytes: Buffer }[] = [];
  for (const source of sources) {
    const bytes = await readIfPresent(source);
    if (bytes) copies.push({ name: source.slice(home.length + 1), bytes });
  }
  if (copies.length === 0) return null;
  const folder = join(home, setAsideName(now));
  await mkdir(folder, { mode: 0o700 }).catch((error: unknown) => {
    throw fileFailure(folder, error, 'create', vaultFolderFix(folder));
  });
  for (const { name, bytes } of copies) await writeNewFileAtomic(join(folder, name), bytes, vaultFolderFix(folder));
  return folder;
}

async function readIfPresent(path: string): Promise<Buffer | null> {
  const handle = await openPrivateFileIfPresent(path);
  if (!handle) return null;
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** "Restored from backup made at …": when, from which vault, how much, and where the replaced files went. */
function restoreEvent(backup: BackupInfo, setAsideIn: string | null): AuditEvent {
  const { createdAt, vaultId, workflows, keys } = backup;
  return {
    action: 'vault.restore',
    workflowId: null,
    keyId: null,
    fingerprint: null,
    details: { backupMadeAt: createdAt, fromVaultId: vaultId, workflows, keys, setAsideIn },
  };
}

export interface RestoreResult {
  backup: BackupInfo;
  setAsideIn: string | null;
}

/**
 * R16: checks the whole backup before writing anything, then sets aside what is there and writes
 * the restored vault through the store (a new vault id, keys re-wrapped under this keychain's item),
 * with a "restored from backup made at …" entry. A failed check is BACKUP_INVALID and writes nothing.
 */
export async function restoreVault(store: VaultStore, path: string, passphrase: string, now: () => Date): Promise<RestoreResult> {
  const opened = await openBackup(await readBackupText(path), passphrase);
  let written = false;
  try {
    checkContent(opened);
    const backup = backupInfo(opened.header);
    let setAsideIn: string | null = null;
    const state = withBackupRecorded(opened.state, opened.header.createdAt);
    await store.restore({ vaultId: backup.vaultId, state, auditLog: opened.auditLog, keys: opened.keys }, async () => {
      setAsideIn = await setAsideCurrent(store.home, now());
      return restoreEvent(backup, setAsideIn);
    });
    written = true;
    return { backup, setAsideIn };
  } finally {
    zeroKeys(opened.keys);
    // Once written, the store's opened state shares this key material: it is the store's to zero on lock.
    if (!written) zeroKeyMaterial(opened.state);
  }
}
