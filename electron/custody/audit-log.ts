import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditEntry, AuditVerification } from '../../shared/domain';
import { AuditEntrySchema } from '../../shared/domain';
import { appendLineDurably } from './atomic-file';
import { openSafely, readPrivateFile, vaultFolderFix } from './safe-file';
import type { AuditEvent } from './key-lifecycle';

const GENESIS_MAC = '0'.repeat(64);
const TAIL_WINDOW_BYTES = 64 * 1024;

type Unsigned = Omit<AuditEntry, 'mac'>;

/** Fixed field order so the MAC does not depend on how a JSON library orders keys. */
function canonical(entry: Unsigned): string {
  return JSON.stringify([
    entry.seq,
    entry.time,
    entry.action,
    entry.workflowId,
    entry.keyId,
    entry.fingerprint,
    entry.user,
    Object.entries(entry.details).sort(([a], [b]) => a.localeCompare(b)),
  ]);
}

function macOf(chainKey: Uint8Array, previousMac: string, entry: Unsigned): string {
  return createHmac('sha256', chainKey).update(previousMac).update('\n').update(canonical(entry)).digest('hex');
}

/** R11: the next link of the HMAC-SHA-256 chain. */
export function chainEntry(
  chainKey: Uint8Array,
  previous: AuditEntry | null,
  event: AuditEvent,
  user: string,
  now: Date,
): AuditEntry {
  const unsigned: Unsigned = {
    seq: (previous?.seq ?? 0) + 1,
    time: now.toISOString(),
    action: event.action,
    workflowId: event.workflowId,
    keyId: event.keyId,
    fingerprint: event.fingerprint,
    user,
    details: event.details,
  };
  return { ...unsigned, mac: macOf(chainKey, previous?.mac ?? GENESIS_MAC, unsigned) };
}

export async function appendAuditEntry(path: string, entry: AuditEntry): Promise<void> {
  await appendLineDurably(path, JSON.stringify(entry));
}

/** The last entry of the log, read from its end so a long log costs the same as a short one. */
export async function readLastAuditSeq(path: string): Promise<number> {
  let handle;
  try {
    handle = await openSafely(path, 'read', vaultFolderFix(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_WINDOW_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const last = lines.at(-1);
    if (!last) return 0;
    try {
      return AuditEntrySchema.parse(JSON.parse(last)).seq;
    } catch {
      return 0;
    }
  } finally {
    await handle.close();
  }
}

export interface AuditRead {
  entries: AuditEntry[];
  /** Lines that are not entries at all, with their line number. */
  unreadable: number[];
}

export async function readAuditLog(path: string): Promise<AuditRead> {
  const text = await readPrivateFile(path);
  if (text === null) return { entries: [], unreadable: [] };
  const entries: AuditEntry[] = [];
  const unreadable: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      entries.push(AuditEntrySchema.parse(JSON.parse(line)));
    } catch {
      unreadable.push(index + 1);
    }
  });
  return { entries, unreadable };
}

function macEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * R11 verify: every entry's MAC chains from the one before, sequence numbers run 1, 2, 3…, and
 * the last entry is the one the sealed vault recorded — so an edited, reordered, inserted or
 * deleted entry, including the last, is detected.
 */
export function verifyAuditChain(chainKey: Uint8Array, read: AuditRead, committedTail: AuditEntry | null): AuditVerification {
  const fail = (problem: string, firstBadSeq: number | null): AuditVerification => ({
    ok: false,
    entries: read.entries.length,
    problem,
    firstBadSeq,
  });
  if (read.unreadable.length > 0) return fail(`line ${read.unreadable[0]} of the audit log is not an entry`, null);
  let previous: AuditEntry | null = null;
  for (const entry of read.entries) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq) {
      return fail(`entry ${expectedSeq} is missing or out of order (found ${entry.seq} in its place)`, expectedSeq);
    }
    const { mac, ...unsigned } = entry;
    if (!macEqual(mac, macOf(chainKey, previous?.mac ?? GENESIS_MAC, unsigned))) {
      return fail(`entry ${entry.seq} was altered (its MAC does not match)`, entry.seq);
    }
    previous = entry;
  }
  const lastSeq = previous?.seq ?? 0;
  const committedSeq = committedTail?.seq ?? 0;
  if (lastSeq < committedSeq) {
    return fail(
      `the log ends at entry ${lastSeq} but the vault recorded entry ${committedSeq}: entries were removed from the end`,
      lastSeq + 1,
    );
  }
  if (lastSeq > committedSeq || (previous && committedTail && !macEqual(previous.mac, committedTail.mac))) {
    return fail(`entry ${lastSeq} is not the last entry the vault recorded`, lastSeq);
  }
  return { ok: true, entries: read.entries.length, problem: null, firstBadSeq: null };
}
