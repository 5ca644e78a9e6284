import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditEntry, AuditVerification } from '../../shared/domain';
import { AuditEntrySchema } from '../../shared/domain';
import { appendLineDurably, truncateDurably } from './atomic-file';
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

/** What a crash can leave at the end of the log, read from its end so a long log costs the same as a short one. */
interface AuditTail {
  /** Bytes after the last line break: a line whose append was cut short. */
  tornBytes: number;
  /** The last whole entry's sequence number (0: none); null when that line is not an entry. */
  lastSeq: number | null;
  size: number;
}

async function readAuditTail(path: string): Promise<AuditTail | null> {
  let handle;
  try {
    handle = await openSafely(path, 'read', vaultFolderFix(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_WINDOW_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lastBreak = buffer.lastIndexOf(0x0a);
    const tornBytes = length - lastBreak - 1;
    if (lastBreak === -1) return { tornBytes, lastSeq: size === length ? 0 : null, size };
    const previousBreak = buffer.lastIndexOf(0x0a, lastBreak - 1);
    if (previousBreak === -1 && size > length) return { tornBytes, lastSeq: null, size };
    const line = buffer.subarray(previousBreak + 1, lastBreak).toString('utf8');
    const parsed = AuditEntrySchema.safeParse(safeJson(line));
    return { tornBytes, lastSeq: parsed.success ? parsed.data.seq : null, size };
  } finally {
    await handle.close();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What a repair did, as the details of its `audit.repaired` entry. */
export interface AuditRepair {
  /** The length of the torn last line that was cut off (0: none). */
  tornBytes: number;
  /** The entry copied back from the vault, which recorded it before the crash (null: none). */
  restoredSeq: number | null;
}

/**
 * What a crash during a change leaves: the vault (the commit point) holds entry N while the log
 * ends at N − 1, perhaps followed by a torn line without its line break. Anything else — an entry
 * missing further back, an unreadable whole line, a log longer than the vault knows — is not a
 * crash's doing and is left for verification to report.
 */
function repairNeeded(tail: AuditTail | null, committed: AuditEntry | null): AuditRepair | null {
  if (!committed) return null;
  const lastSeq = tail ? tail.lastSeq : 0;
  const tornBytes = tail?.tornBytes ?? 0;
  if (lastSeq === committed.seq - 1) return { tornBytes, restoredSeq: committed.seq };
  if (lastSeq === committed.seq && tornBytes > 0) return { tornBytes, restoredSeq: null };
  return null;
}

/**
 * Whether the log's end shows a crash to repair; reads the last few kilobytes only. A log that
 * cannot be read is not this check's to report: reading and verifying it says why.
 */
export async function auditNeedsRepair(path: string, committed: AuditEntry | null): Promise<boolean> {
  const tail = await readAuditTail(path).catch(() => undefined);
  return tail !== undefined && repairNeeded(tail, committed) !== null;
}

/**
 * Holding the writer lock: cuts off a torn last line and appends the vault's last entry when the
 * log lacks it, so later entries are never written after half a line. The caller records what
 * was done as an `audit.repaired` entry; null when the log needed nothing.
 */
export async function repairAuditLog(path: string, committed: AuditEntry | null): Promise<AuditRepair | null> {
  const tail = await readAuditTail(path);
  const repair = repairNeeded(tail, committed);
  if (!repair || !committed) return null;
  if (tail && repair.tornBytes > 0) await truncateDurably(path, tail.size - repair.tornBytes);
  if (repair.restoredSeq !== null) await appendAuditEntry(path, committed);
  return repair;
}

export interface AuditRead {
  entries: AuditEntry[];
  /** Lines that are not entries at all, with their line number. */
  unreadable: number[];
}

export async function readAuditLog(path: string): Promise<AuditRead> {
  return parseAuditLog((await readPrivateFile(path)) ?? '');
}

/** The audit log's text as entries (a backup carries it as text). */
export function parseAuditLog(text: string): AuditRead {
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
