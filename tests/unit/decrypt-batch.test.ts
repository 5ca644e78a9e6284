import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFolderFiles, folderCaptures, harCaptures, type CaptureItem } from '../../electron/custody/capture-sources';
import { itemChunks, runDecryptBatch } from '../../electron/custody/decrypt-batch';
import type { ChunkOutput } from '../../electron/custody/decrypt-chunk';
import { type OutputMode, exportWriter } from '../../electron/custody/decrypt-report';
import { ndjsonChunks } from '../../electron/custody/ndjson-chunks';
import { sealPayload } from '../../electron/custody/payload-codec';
import { candidatesFromRawKeys } from '../../electron/custody/payload-decryptor';
import type { DecryptItemResult } from '../../shared/domain';
import { buildDecryptWorker } from '../support/build-worker';

const keys = [randomBytes(32), randomBytes(32)] as const;
const candidates = candidatesFromRawKeys(keys);
const RESULTS: OutputMode = { kind: 'results' };
let dir: string;
let workerScript: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custody-batch-'));
  workerScript = buildDecryptWorker();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function collect(items: AsyncIterable<CaptureItem>): Promise<CaptureItem[]> {
  const all: CaptureItem[] = [];
  for await (const item of items) all.push(item);
  return all;
}

function resultsOf(outputs: ChunkOutput[]): DecryptItemResult[] {
  return outputs.flatMap((o) => o.results ?? []);
}

describe('capture sources', () => {
  /** An NDJSON file's results, read in pieces of `pieceBytes` as from a file, decrypted on this thread. */
  async function ndjsonResults(text: string, field?: string, pieceBytes = 64 * 1024): Promise<DecryptItemResult[]> {
    const bytes = Buffer.from(text);
    const pieces = Array.from({ length: Math.ceil(bytes.length / pieceBytes) }, (_, i) =>
      bytes.subarray(i * pieceBytes, (i + 1) * pieceBytes),
    );
    const outputs: ChunkOutput[] = [];
    await runDecryptBatch(
      ndjsonChunks(Readable.from(pieces), 'cap.ndjson', field),
      candidates,
      RESULTS,
      (o) => void outputs.push(o),
    );
    return resultsOf(outputs);
  }

  it('reads NDJSON lines as bare payloads, JSON strings or objects, naming each by line', async () => {
    const p = sealPayload(Buffer.from('{"a":1}'), keys[0]);
    const text = [
      p,
      JSON.stringify(p),
      JSON.stringify({ payload: p }),
      '',
      JSON.stringify({ body: p }),
      '{not json',
      '{"other":1}',
    ].join('\n');
    const results = await ndjsonResults(text);
    expect(results.map((r) => r.source)).toEqual([
      'cap.ndjson:1',
      'cap.ndjson:2',
      'cap.ndjson:3',
      'cap.ndjson:5',
      'cap.ndjson:6',
      'cap.ndjson:7',
    ]);
    expect(results.slice(0, 4).map((r) => r.ok && r.plaintext.text)).toEqual(Array(4).fill('{"a":1}'));
    expect(results[4]).toMatchObject({ ok: false, error: { code: 'MALFORMED_PAYLOAD' } });
    expect(results[5]).toMatchObject({
      ok: false,
      error: { code: 'MALFORMED_PAYLOAD', message: expect.stringContaining('"payload" or "body"') },
    });
  });

  it('uses --field NAME instead of the defaults', async () => {
    const p = sealPayload(Buffer.from('y'), keys[1]);
    const results = await ndjsonResults(`${JSON.stringify({ payload: 'x', data: p })}\n`, 'data');
    expect(results).toMatchObject([{ source: 'cap.ndjson:1', ok: true, plaintext: { text: 'y' } }]);
  });

  it('reads every line whole and numbered, long or short, multibyte or CRLF, wherever reads and chunks cut', async () => {
    // Lines from a few bytes to 200 KiB, so line ends fall at every distance from where a read, a
    // chunk or a decoded segment ends; the payloads carry text with multibyte characters.
    const bodies = Array.from({ length: 300 }, (_, i) => `{"i":${i},"note":"é✓${'x'.repeat((i * 997) % 5000)}"}`);
    bodies[150] = `{"big":"${'y'.repeat(200 * 1024)}"}`;
    const lines = bodies.map((body, i) => {
      const line = JSON.stringify({
        note: '→'.repeat(i % 7),
        payload: sealPayload(Buffer.from(body), keys[i % 2 === 0 ? 0 : 1]),
      });
      return i % 10 === 3 ? `${line}\r` : line;
    });
    for (const pieceBytes of [1000, 65_536, 100_003]) {
      const results = await ndjsonResults(`${lines.join('\n')}\n`, undefined, pieceBytes);
      expect(results.map((r) => r.source)).toEqual(lines.map((_, i) => `cap.ndjson:${i + 1}`));
      expect(results.map((r) => r.ok && r.plaintext.text)).toEqual(bodies);
    }
  });

  it('reads a folder recursively in a stable order, counting first, and reports unreadable files per item', async () => {
    const folder = join(dir, 'captures');
    await mkdir(join(folder, 'nested'), { recursive: true });
    await writeFile(join(folder, 'b.txt'), 'bbb');
    await writeFile(join(folder, 'a.txt'), 'aaa');
    await writeFile(join(folder, 'nested', 'c.txt'), 'ccc');
    await mkdir(join(folder, 'gone.txt'));
    await rm(join(folder, 'gone.txt'), { recursive: true });
    await writeFile(join(folder, 'vanishing.txt'), 'x');
    expect(await countFolderFiles(folder)).toBe(4);
    // Deleted after it was counted: it becomes one failed item and the batch goes on.
    const captures = folderCaptures(folder);
    const items: CaptureItem[] = [];
    for await (const item of captures) {
      items.push(item);
      if (items.length === 2) await rm(join(folder, 'vanishing.txt'));
    }
    expect(items.map((i) => i.source.slice(folder.length + 1))).toEqual(['a.txt', 'b.txt', 'nested/c.txt', 'vanishing.txt']);
    expect(items[3]).toMatchObject({ error: { code: 'INVALID_INPUT', message: expect.stringContaining('does not exist') } });
  });

  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot)(
    `reports a file it may not read as INVALID_INPUT, permission denied${isRoot ? ' (skipped: running as root, which may read any file)' : ''}`,
    async () => {
      const locked = join(dir, 'locked.txt');
      await writeFile(locked, 'x');
      await chmod(locked, 0o000);
      expect(await collect(folderCaptures(dir))).toContainEqual({
        source: locked,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('permission denied') },
      });
    },
  );

  it('takes the POST bodies of a HAR file with URL and time, and refuses a file that is not HAR', async () => {
    const p = sealPayload(Buffer.from('hi'), keys[0]);
    const har = {
      log: {
        version: '1.2',
        entries: [
          { startedDateTime: '2026-11-21T08:57:00Z', request: { method: 'GET', url: 'https://x.test/a' } },
          {
            startedDateTime: '2026-11-21T08:58:00Z',
            request: { method: 'POST', url: 'https://x.test/hook', postData: { text: p } },
          },
        ],
      },
    };
    await writeFile(join(dir, 'c.har'), JSON.stringify(har));
    await writeFile(join(dir, 'not.har'), '{"hello":1}');
    expect(await collect(harCaptures(join(dir, 'c.har')))).toEqual([
      { source: `${join(dir, 'c.har')}#2`, text: p, meta: { url: 'https://x.test/hook', time: '2026-11-21T08:58:00Z' } },
    ]);
    expect(await collect(harCaptures(join(dir, 'not.har')))).toMatchObject([{ error: { code: 'INVALID_INPUT' } }]);
  });
});

describe('decrypt batch', () => {
  const payloads = Array.from({ length: 700 }, (_, i) => sealPayload(Buffer.from(`{"n":${i}}`), keys[i % 2 === 0 ? 0 : 1]));
  const items: CaptureItem[] = payloads.map((text, i) => ({ source: `p${i}`, text }));
  items.splice(
    5,
    0,
    { source: 'junk', text: 'not base64!' },
    { source: 'gone', error: { code: 'INVALID_INPUT', message: 'Cannot read gone.' } },
  );

  it('decrypts in input order and counts each outcome', async () => {
    const outputs: ChunkOutput[] = [];
    const summary = await runDecryptBatch(itemChunks(items), candidates, RESULTS, (o) => void outputs.push(o));
    const results = resultsOf(outputs);
    expect(results.map((r) => r.source)).toEqual(items.map((i) => i.source));
    expect(summary).toMatchObject({
      done: 702,
      decrypted: 700,
      malformed: 1,
      otherErrors: 1,
      noMatchingKey: 0,
      cancelled: false,
    });
    expect(results[0]).toMatchObject({ ok: true, key: { index: 0 }, plaintext: { text: '{"n":0}' } });
    expect(results[1]).toMatchObject({ ok: true, key: { index: 1 } });
  });

  it('gives the same results on a worker pool as on this thread', async () => {
    const inline: ChunkOutput[] = [];
    const pooled: ChunkOutput[] = [];
    await runDecryptBatch(itemChunks(items), candidates, RESULTS, (o) => void inline.push(o));
    await runDecryptBatch(itemChunks(items), candidates, RESULTS, (o) => void pooled.push(o), {
      workers: { script: workerScript, count: 2 },
    });
    expect(pooled.length).toBeGreaterThan(2);
    expect(resultsOf(pooled)).toEqual(resultsOf(inline));
  });

  it('streams NDJSON bytes to workers and writes --json lines there, in order', async () => {
    // Padded so the file is several chunks of NDJSON, as a large capture is.
    const ndjson = Buffer.from(payloads.map((p) => `{"payload":"${p}","pad":"${'p'.repeat(2000)}"}\n`).join(''));
    const pieces = Array.from({ length: Math.ceil(ndjson.length / 5000) }, (_, i) => ndjson.subarray(i * 5000, (i + 1) * 5000));
    const mode: OutputMode = { kind: 'lines', format: 'ndjson', plaintext: true };
    let text = '';
    let outputs = 0;
    await runDecryptBatch(
      ndjsonChunks(Readable.from(pieces), 'cap'),
      candidates,
      mode,
      (o) => {
        outputs++;
        text += Buffer.from(o.lines ?? []).toString('utf8');
      },
      { workers: { script: workerScript, count: 2 } },
    );
    expect(outputs).toBeGreaterThan(1);
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(700);
    expect(lines[699]).toMatchObject({ source: 'cap:700', ok: true, plaintext: '{"n":699}', layout: 'nonce-tag-ciphertext' });
  });

  it('stops at a cancel and reports what was done', async () => {
    const controller = new AbortController();
    let seen = 0;
    const summary = await runDecryptBatch(
      itemChunks(items),
      candidates,
      RESULTS,
      (o) => {
        seen += o.items;
        controller.abort();
      },
      { signal: controller.signal },
    );
    expect(summary.cancelled).toBe(true);
    expect(summary.done).toBe(seen);
    expect(summary.done).toBeLessThan(items.length);
  });
});

describe('export formats', () => {
  const ok: DecryptItemResult = {
    ok: true,
    source: 'a,b',
    layout: 'nonce-tag-ciphertext',
    key: {
      id: 'k_0123456789abcdef',
      workflowId: 'wf',
      label: '=cmd',
      status: 'active',
      fingerprint: '00112233aabbccdd',
      index: 0,
    },
    plaintext: { utf8: true, text: 'secret "value"', base64: null, byteLength: 14 },
  };
  const write = (format: 'csv' | 'json' | 'ndjson', plaintext: boolean) => {
    const w = exportWriter(format, { plaintext });
    return (
      w.head() + w.item(ok) + w.item({ ok: false, source: 'x', error: { code: 'NO_MATCHING_KEY', message: 'none' } }) + w.tail()
    );
  };

  it('leaves plaintext out unless asked', () => {
    for (const format of ['csv', 'json', 'ndjson'] as const) expect(write(format, false)).not.toContain('secret');
    for (const format of ['csv', 'json', 'ndjson'] as const) expect(write(format, true)).toContain('secret');
  });

  it('writes valid JSON and quoted, formula-safe CSV', () => {
    expect(JSON.parse(write('json', true))).toHaveLength(2);
    const csv = write('csv', true).split('\n');
    expect(csv[0]).toMatch(/^source,ok,workflow,key_id,key_label/);
    expect(csv[1]).toContain(`"a,b",true,wf,k_0123456789abcdef,'=cmd,active`);
    expect(csv[1]).toContain('"secret ""value"""');
  });
});
