/** The renderer's pure helpers: the Import key hint, how decrypted bytes are shown, and how a batch reads. */
import { describe, expect, it } from 'vitest';
import { batchSummary, progressLine, shortSource, unlistedNote } from '../../renderer/src/lib/batch-view';
import { resultRows } from '../../renderer/src/lib/result-rows';
import { keyTextHint } from '../../renderer/src/lib/key-text-hint';
import { HEX_PREVIEW_BYTES, plaintextView } from '../../renderer/src/lib/plaintext-view';
import { filterWorkflows } from '../../renderer/src/lib/filter-workflows';
import { formatFingerprint } from '../../renderer/src/lib/format';
import type { AuditEntry, AuditVerification } from '../../shared/domain';
import { rotationAge } from '../../shared/rotation';
import { chainBreak } from '../../renderer/src/lib/audit-view';
import { loadVectors } from '../support/vectors';

describe('Import key hint (the core still decides)', () => {
  it('calls every vector key a 32-byte key, in base64 and base64url, padded or not, with white space around', () => {
    for (const vector of loadVectors()) {
      for (const value of vector.keys) {
        const url = Buffer.from(value, 'base64').toString('base64url');
        for (const spelling of [value, value.replace(/=$/, ''), url, `  ${url}\n`])
          expect(keyTextHint(spelling)).toEqual({ kind: 'looks-valid' });
      }
    }
  });

  it('names what is wrong: nothing yet, the wrong length, or characters base64 does not use', () => {
    expect(keyTextHint('   ')).toEqual({ kind: 'empty' });
    expect(keyTextHint('c2hvcnQ=')).toEqual({ kind: 'wrong-length', length: 8 });
    expect(keyTextHint(Buffer.alloc(48).toString('base64'))).toEqual({ kind: 'wrong-length', length: 64 });
    expect(keyTextHint('not a key at all!')).toEqual({ kind: 'wrong-alphabet' });
  });
});

describe('decrypted bytes are shown, never mangled', () => {
  it('pretty-prints JSON', () => {
    const view = plaintextView({ utf8: true, text: '{"email":"a@example.com","n":[1,2]}', base64: null, byteLength: 34 });
    expect(view).toEqual({ kind: 'json', text: '{\n  "email": "a@example.com",\n  "n": [\n    1,\n    2\n  ]\n}' });
  });

  it('shows text that is not JSON as it is', () => {
    expect(plaintextView({ utf8: true, text: '{not json', base64: null, byteLength: 9 })).toEqual({
      kind: 'text',
      text: '{not json',
    });
    expect(plaintextView({ utf8: true, text: '', base64: null, byteLength: 0 })).toEqual({ kind: 'text', text: '' });
  });

  it('shows bytes that are not UTF-8 as base64 and hex', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x41]);
    expect(plaintextView({ utf8: false, text: null, base64: bytes.toString('base64'), byteLength: 4 })).toEqual({
      kind: 'binary',
      base64: '//4AQQ==',
      hex: 'ff fe 00 41',
    });
  });

  it('cuts a long hex preview and says how much is left', () => {
    const bytes = Buffer.alloc(HEX_PREVIEW_BYTES + 10, 0xab);
    const view = plaintextView({ utf8: false, text: null, base64: bytes.toString('base64'), byteLength: bytes.length });
    expect(view.kind === 'binary' && view.hex.endsWith('… 10 more bytes')).toBe(true);
  });
});

describe('sidebar search and fingerprints', () => {
  const workflows = ['onUserTokenGeneration', 'onPostAuthentication'].map((id, i) => ({
    id,
    name: i === 0 ? 'Token generation' : '',
    notes: '',
    rotationDays: 90,
    createdAt: '',
    keyCount: 0,
    activeKeyId: null,
    noActiveKey: true,
    rotationDue: false,
    deletionScheduled: false,
  }));

  it('matches a workflow on its name or its id, ignoring case', () => {
    expect(filterWorkflows(workflows, 'TOKEN').map((w) => w.id)).toEqual(['onUserTokenGeneration']);
    expect(filterWorkflows(workflows, 'postauth').map((w) => w.id)).toEqual(['onPostAuthentication']);
    expect(filterWorkflows(workflows, '  ')).toHaveLength(2);
  });

  it('groups a fingerprint in fours', () => {
    expect(formatFingerprint('0123456789abcdef')).toBe('0123 4567 89ab cdef');
  });
});

describe('a batch as the workbench shows it', () => {
  it('shows a source from the chosen folder or file down, not the whole path', () => {
    expect(shortSource('/home/officer/captures/march/c1.txt', 'captures')).toBe('captures/march/c1.txt');
    expect(shortSource('C:\\Users\\officer\\captures\\c1.txt', 'captures')).toBe('captures/c1.txt');
    expect(shortSource('/home/officer/session.har#3', 'session.har')).toBe('session.har#3');
    expect(shortSource('/home/officer/a.txt', '2 files')).toBe('a.txt');
    expect(shortSource('captures.ndjson:12', 'captures.ndjson')).toBe('captures.ndjson:12');
  });

  it('sums a batch up, finished or cancelled', () => {
    const counts = { done: 6, total: null, decrypted: 4, noMatchingKey: 1, malformed: 1, otherErrors: 0 };
    expect(batchSummary(counts, false)).toBe('Finished: 6 payloads — 4 decrypted, 1 no matching key, 1 malformed, 0 other.');
    expect(batchSummary({ ...counts, total: 1000 }, true)).toBe(
      'Cancelled after 6 of 1,000 payloads — 4 decrypted, 1 no matching key, 1 malformed, 0 other.',
    );
    expect(batchSummary(counts, true)).toMatch(/^Cancelled after 6 payloads — /);
  });

  it('says when the page lists fewer results than the batch has, and whether the export holds them', () => {
    expect(unlistedNote(40, 40, true)).toBeNull();
    expect(unlistedNote(12_280, 1_024, true)).toBe('The first 1,024 are listed here; the export holds all of them.');
    expect(unlistedNote(1, 0, true)).toBe(
      'None are listed here, their decrypted bodies being too large to show; the export holds all of them.',
    );
    expect(unlistedNote(200_000, 10_000, false)).toBe(
      'The first 10,000 are listed here; the app keeps at most 100,000 results or 256 MB of decrypted bodies for export, so decrypt a batch this large with “custody decrypt --output FILE”.',
    );
  });

  it('measures progress by bytes read of the total, with the rate and the time left while it runs', () => {
    const MIB = 1024 * 1024;
    const bytes = { read: 10 * MIB, total: 40 * MIB };
    expect(progressLine(bytes, 1200, 5, true)).toBe('10.0 MiB of 40.0 MiB read · 1,200 payloads · 2.0 MiB/s · about 15 s left');
    expect(progressLine({ read: 1 * MIB, total: 600 * MIB }, 10, 1, true)).toMatch(/· 1\.0 MiB\/s · about 10 min left$/);
    // No rate in the first instants, nor once the batch is over (cancelled or finished).
    expect(progressLine(bytes, 1200, 0.2, true)).toBe('10.0 MiB of 40.0 MiB read · 1,200 payloads');
    expect(progressLine(bytes, 1200, 5, false)).toBe('10.0 MiB of 40.0 MiB read · 1,200 payloads');
    // Without a size, the items done.
    expect(progressLine({ read: 5, total: null }, 1, 3, true)).toBe('1 payload done');
    expect(progressLine(null, 0, 0, true)).toBe('0 payloads done');
  });

  it('groups failures with the same code and sentence into one row at the first, and filters by outcome', () => {
    const none = (source: string) =>
      ({ ok: false, source, error: { code: 'NO_MATCHING_KEY', message: 'No key matched.' } }) as const;
    const odd = (source: string, message: string) =>
      ({ ok: false, source, error: { code: 'MALFORMED_PAYLOAD', message } }) as const;
    const results = [none('a'), odd('b', 'b is not base64.'), none('c'), odd('d', 'd is not base64.'), none('e')];
    expect(resultRows(results, 'all')).toEqual([
      { index: 0, members: [0, 2, 4] },
      { index: 1, members: [1] },
      { index: 3, members: [3] },
    ]);
    expect(resultRows(results, 'malformed')).toEqual([
      { index: 1, members: [1] },
      { index: 3, members: [3] },
    ]);
    expect(resultRows(results, 'decrypted')).toEqual([]);
  });
});

describe('R12 in days, as the key table and the banner show it', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const activated = '2026-01-01T00:00:00.000Z';
  const at = (ms: number) => new Date(Date.parse(activated) + ms);

  it('is due only once the key is active for longer than the period, as the core flags it', () => {
    expect(rotationAge(activated, 30, at(30 * DAY))).toEqual({ daysActive: 30, daysLeft: 0, due: false });
    expect(rotationAge(activated, 30, at(30 * DAY + 1000))).toMatchObject({ daysActive: 30, due: true });
    expect(rotationAge(activated, 90, at(12 * DAY + 3600_000))).toEqual({ daysActive: 12, daysLeft: 78, due: false });
    expect(rotationAge(activated, 10, at(15 * DAY))).toEqual({ daysActive: 15, daysLeft: -5, due: true });
  });
});

describe('where the audit table marks a broken chain', () => {
  const entries = [1, 2, 3, 5].map((seq) => ({ seq }) as AuditEntry);
  const failed = (firstBadSeq: number | null): AuditVerification => ({ ok: false, entries: 4, problem: 'x', firstBadSeq });

  it('marks the first bad entry, or the one found in place of a missing entry', () => {
    expect(chainBreak(entries, failed(2))?.seq).toBe(2);
    expect(chainBreak(entries, failed(4))).toMatchObject({ seq: 5, sentence: expect.stringMatching(/^The chain breaks here: /) });
  });

  it('marks the last entry left when entries were removed from the end, and nothing when the chain holds', () => {
    expect(chainBreak(entries, failed(6))).toMatchObject({
      seq: 5,
      sentence: expect.stringMatching(/^The chain breaks after this entry/),
    });
    expect(chainBreak(entries, failed(null))).toBeNull();
    expect(chainBreak(entries, { ok: true, entries: 4, problem: null, firstBadSeq: null })).toBeNull();
  });
});
