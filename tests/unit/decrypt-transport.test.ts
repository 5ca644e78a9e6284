import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureItem } from '../../electron/custody/capture-sources';
import { type DecryptPool, itemChunks, runDecryptBatch } from '../../electron/custody/decrypt-batch';
import type { ChunkInput, ChunkOutput, OutputMode } from '../../electron/custody/decrypt-chunk';
import { createWorkerPool, workerWithRoom } from '../../electron/custody/decrypt-pool';
import { exportWriter, linesExport } from '../../electron/custody/decrypt-report';
import { createLazyWorkerPool } from '../../electron/custody/lazy-worker-pool';
import { ndjsonFileChunks } from '../../electron/custody/ndjson-chunks';
import { openPayload, sealPayload } from '../../electron/custody/payload-codec';
import { candidatesFromRawKeys } from '../../electron/custody/payload-decryptor';
import type { DecryptItemResult } from '../../shared/domain';
import { buildDecryptWorker } from '../support/build-worker';

/** The ways results cross between threads (issue 5 §6), and the batch engine pieces the CLI added. */
const keys = [randomBytes(32), randomBytes(32)];
const candidates = candidatesFromRawKeys(keys);
const RESULTS: OutputMode = { kind: 'results' };
let workerScript: string;

beforeAll(() => {
  workerScript = buildDecryptWorker();
});
afterAll(() => rm(dirname(workerScript), { recursive: true, force: true }));

/** Every kind of outcome, several chunks' worth: text, JSON, non-UTF-8 bytes, empty, errors of each kind. */
function mixedItems(): CaptureItem[] {
  const items: CaptureItem[] = [];
  for (let i = 0; i < 600; i++) {
    const key = keys[i % 2];
    if (i % 50 === 3) items.push({ source: `bin-${i}`, text: sealPayload(Buffer.from([0xff, 0xfe, i & 0xff, 0x80]), key) });
    else if (i % 50 === 7) items.push({ source: `empty-${i}`, text: sealPayload(Buffer.alloc(0), key) });
    else if (i % 50 === 11) items.push({ source: `junk-${i}`, text: 'not a payload, and not ASCII: Ņ ✓' });
    else if (i % 50 === 13) items.push({ source: `other-${i}`, text: sealPayload(Buffer.from('x'), randomBytes(32)) });
    else if (i % 50 === 17) items.push({ source: `gone-${i}`, error: { code: 'INVALID_INPUT', message: 'Cannot read it.' } });
    else if (i % 50 === 19) items.push({ source: `wrapped-${i}`, text: ` "${sealPayload(Buffer.from('{"w":1}'), key)}"\n` });
    else if (i % 50 === 23) {
      // A line separator (above U+00FF) inside is white space: the payload still opens.
      const payload = sealPayload(Buffer.from('{"sep":1}'), key);
      items.push({ source: `separated-${i}`, text: `${payload.slice(0, 9)}\u2028${payload.slice(9)}` });
    } else if (i % 50 === 29) items.push({ source: `latin1-${i}`, text: `café ${sealPayload(Buffer.from('x'), key)}` });
    else items.push({ source: `p-${i}`, text: sealPayload(Buffer.from(`{"i":${i},"s":"héllo ✓ ${'z'.repeat(i * 7)}"}`), key) });
  }
  items[42] = { ...items[42], meta: { url: 'https://hooks.test/a', time: '2026-11-21T08:58:00Z' } };
  return items;
}

/**
 * Where every chunk goes, whatever the workers' pace (the pool would otherwise split them), so each
 * test does whatever its timing: 'inline' without a pool, 'workers' every chunk across a thread,
 * 'slots' every chunk decrypted here into the pool's shared slots, as when the workers are full.
 */
type Route = 'inline' | 'workers' | 'slots';

async function collect(
  chunks: AsyncIterable<ChunkInput>,
  mode: OutputMode,
  route: Route = 'inline',
  size = 2,
): Promise<ChunkOutput[]> {
  const outputs: ChunkOutput[] = [];
  const workers = route === 'inline' ? null : createWorkerPool(workerScript, candidates, mode, size);
  const everyChunk: DecryptPool | null = workers && {
    size,
    hasRoom: () => route === 'workers',
    run: (chunk) => workers.run(chunk),
    decryptHere: (chunk) => workers.decryptHere(chunk),
  };
  try {
    await runDecryptBatch(chunks, candidates, mode, (o) => void outputs.push(o), { pool: everyChunk });
  } finally {
    await workers?.close();
  }
  return outputs;
}

const resultsOf = (outputs: ChunkOutput[]): DecryptItemResult[] => outputs.flatMap((o) => o.results ?? []);
/** A lines-mode batch's output as the text a reader of it sees. */
const linesOf = (outputs: ChunkOutput[]): string => outputs.map((o) => Buffer.from(o.lines ?? []).toString('utf8')).join('');

describe('results crossing threads as packed bytes', () => {
  it('gives exactly the results of this thread: text, non-UTF-8 bytes as base64, empty plaintext, every error, metadata', async () => {
    const items = mixedItems();
    const inline = resultsOf(await collect(itemChunks(items), RESULTS));
    const pooled = resultsOf(await collect(itemChunks(items), RESULTS, 'workers'));
    expect(pooled).toEqual(inline);
    expect(resultsOf(await collect(itemChunks(items), RESULTS, 'slots'))).toEqual(inline);
    expect(inline.find((r) => r.source === 'bin-3')).toMatchObject({ ok: true, plaintext: { utf8: false, byteLength: 4 } });
    expect(inline.find((r) => r.source === 'empty-7')).toMatchObject({
      ok: true,
      plaintext: { utf8: true, text: '', byteLength: 0 },
    });
    expect(inline.find((r) => r.source === 'junk-11')).toMatchObject({ ok: false, error: { code: 'MALFORMED_PAYLOAD' } });
    expect(inline.find((r) => r.source === 'other-13')).toMatchObject({ ok: false, error: { code: 'NO_MATCHING_KEY' } });
    expect(inline.find((r) => r.source === 'gone-17')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(inline.find((r) => r.source === 'p-42')).toMatchObject({ meta: { url: 'https://hooks.test/a' } });
    expect(inline.find((r) => r.source === 'separated-23')).toMatchObject({ ok: true, plaintext: { text: '{"sep":1}' } });
    expect(inline.find((r) => r.source === 'latin1-29')).toMatchObject({ ok: false, error: { code: 'MALFORMED_PAYLOAD' } });
    expect(inline.find((r) => r.source === 'p-1')).toMatchObject({
      ok: true,
      plaintext: { text: '{"i":1,"s":"héllo ✓ zzzzzzz"}' },
    });
  });

  it('gives the same results when a chunk outgrows the shared buffers before it and smaller chunks reuse them', async () => {
    const sized = (label: string, count: number, bytes: number): CaptureItem[] =>
      Array.from({ length: count }, (_, i) => ({
        source: `${label}-${i}`,
        text: sealPayload(Buffer.from(`${label}${i}:`.padEnd(bytes, label)), keys[i % 2]),
      }));
    // Twenty chunks of small payloads (more than are ever in flight, so slots are reused), one
    // payload larger than a chunk, twenty more small chunks, then chunks of large payloads.
    const items = [
      ...sized('a', 5120, 100),
      ...sized('b', 1, 3 * 1024 * 1024),
      ...sized('c', 5120, 60),
      ...sized('d', 20, 200 * 1024),
    ];
    const inline = resultsOf(await collect(itemChunks(items), RESULTS));
    const pooled = resultsOf(await collect(itemChunks(items), RESULTS, 'workers', 1));
    expect(pooled).toEqual(inline);
    expect(resultsOf(await collect(itemChunks(items), RESULTS, 'slots', 1))).toEqual(inline);
    expect(pooled.every((r) => r.ok)).toBe(true);
    expect(pooled.find((r) => r.source === 'b-0')).toMatchObject({ plaintext: { byteLength: 3 * 1024 * 1024 } });
  });

  it('the lines of --json and CSV are the same made on a worker as here', async () => {
    for (const mode of [
      { kind: 'lines', format: 'ndjson', plaintext: true },
      { kind: 'lines', format: 'csv', plaintext: false },
    ] as const) {
      const items = mixedItems();
      const inline = linesOf(await collect(itemChunks(items), mode));
      const pooled = linesOf(await collect(itemChunks(items), mode, 'workers'));
      expect(pooled).toBe(inline);
      expect(linesOf(await collect(itemChunks(items), mode, 'slots'))).toBe(inline);
      expect(inline.split('\n')).toHaveLength(items.length + 1);
    }
  });
});

describe('linesExport', () => {
  it('writes the same NDJSON, JSON and CSV from worker-made lines as exportWriter does from results', async () => {
    const items = mixedItems().slice(0, 300);
    const results = resultsOf(await collect(itemChunks(items), RESULTS));
    for (const format of ['ndjson', 'json', 'csv'] as const) {
      for (const plaintext of [false, true]) {
        const fromResults = exportWriter(format, { plaintext });
        const expected = fromResults.head() + results.map(fromResults.item).join('') + fromResults.tail();
        const fromLines = linesExport(format, { plaintext });
        const outputs = await collect(itemChunks(items), fromLines.mode, 'workers');
        expect(outputs.length).toBeGreaterThan(1);
        const pieces = outputs.flatMap((o) => fromLines.chunk(o.lines ?? new Uint8Array()));
        const written = fromLines.head() + pieces.map((p) => Buffer.from(p).toString('utf8')).join('') + fromLines.tail();
        expect(written, `${format} plaintext=${plaintext}`).toBe(expected);
      }
    }
    const empty = linesExport('json', { plaintext: false });
    expect(JSON.parse(empty.head() + empty.tail())).toEqual([]);
  });
});

describe('the batch loop', () => {
  it('emits a finished chunk while the source has nothing more yet (a pipe), in order', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const items = mixedItems();
    async function* slowSource(): AsyncGenerator<ChunkInput> {
      yield { kind: 'items', items: items.slice(0, 10) };
      await held;
      yield { kind: 'items', items: items.slice(10, 20) };
    }
    const seen: string[] = [];
    const pool = createWorkerPool(workerScript, candidates, RESULTS, 2);
    try {
      const batch = runDecryptBatch(
        slowSource(),
        candidates,
        RESULTS,
        (o) => {
          seen.push(...(o.results ?? []).map((r) => r.source));
          release();
        },
        { pool },
      );
      await batch;
    } finally {
      await pool.close();
    }
    // The source only gives its second chunk after the first one's results came out.
    expect(seen).toEqual(items.slice(0, 20).map((i) => i.source));
  });

  it('gives a worker two chunks until it knows the worker’s pace, then more while they are quick', async () => {
    const pool = createWorkerPool(workerScript, candidates, RESULTS, 1);
    const items = mixedItems().slice(0, 1);
    const chunk = (): ChunkInput => ({ kind: 'items', items });
    try {
      expect(pool.hasRoom()).toBe(true);
      const first = [pool.run(chunk()), pool.run(chunk())];
      // No chunk has come back yet: a third would be this thread's to decrypt.
      expect(pool.hasRoom()).toBe(false);
      await Promise.all(first);
      // The first chunk, on a cold worker, took it ~0.6 ms here; a few more make its pace that of a
      // one-item chunk (microseconds) however slow the start was on the machine running the test.
      for (let i = 0; i < 8; i++) await Promise.all([pool.run(chunk()), pool.run(chunk())]);
      // Room for more than two at a time now.
      const next = [pool.run(chunk()), pool.run(chunk())];
      expect(pool.hasRoom()).toBe(true);
      await Promise.all(next);
    } finally {
      await pool.close();
    }
  });

  it('places a chunk on a worker with room, the least queued of those, and on none when all are full', () => {
    // Two chunks queued on each; the first worker takes 2 ms a chunk (4 ms of work, over the 3 ms
    // kept queued), the second 0.5 ms: the chunk goes to the second, though the first comes first.
    expect(
      workerWithRoom([
        { queued: 2, paceMs: 2 },
        { queued: 2, paceMs: 0.5 },
      ]),
    ).toBe(1);
    expect(
      workerWithRoom([
        { queued: 3, paceMs: 0.5 },
        { queued: 1, paceMs: undefined },
        { queued: 2, paceMs: 0.5 },
      ]),
    ).toBe(1);
    // A worker whose pace is not known yet gets two chunks, no more.
    expect(workerWithRoom([{ queued: 2, paceMs: undefined }])).toBeNull();
    // However quick, no worker holds more than eight.
    expect(workerWithRoom([{ queued: 8, paceMs: 0.01 }])).toBeNull();
    expect(
      workerWithRoom([
        { queued: 2, paceMs: 2 },
        { queued: 6, paceMs: 0.5 },
      ]),
    ).toBeNull();
  });

  it('a lazy pool decrypts a one-chunk batch here, starting no worker, and uses workers from the second chunk', async () => {
    const items = mixedItems();
    const noWorkers = createLazyWorkerPool('/nonexistent/decrypt-worker.cjs', candidates, RESULTS, 2);
    const one: ChunkOutput[] = [];
    await runDecryptBatch(itemChunks(items.slice(0, 50)), candidates, RESULTS, (o) => void one.push(o), { pool: noWorkers });
    await noWorkers.close();
    expect(resultsOf(one)).toHaveLength(50);

    const lazy = createLazyWorkerPool(workerScript, candidates, RESULTS, 2);
    const many: ChunkOutput[] = [];
    try {
      await runDecryptBatch(itemChunks(items), candidates, RESULTS, (o) => void many.push(o), { pool: lazy });
    } finally {
      await lazy.close();
    }
    expect(many.length).toBeGreaterThan(1);
    expect(resultsOf(many)).toEqual(resultsOf(await collect(itemChunks(items), RESULTS)));
  });
});

describe('pieces under the batch', () => {
  it('an NDJSON file that cannot be read is one INVALID_INPUT item', async () => {
    const chunks: ChunkInput[] = [];
    for await (const chunk of ndjsonFileChunks('/nonexistent/captures.ndjson')) chunks.push(chunk);
    expect(chunks).toEqual([
      {
        kind: 'items',
        items: [
          {
            source: '/nonexistent/captures.ndjson',
            error: { code: 'INVALID_INPUT', message: expect.stringContaining('does not exist') },
          },
        ],
      },
    ]);
  });

  it('a failed GCM check leaves Error.stackTraceLimit as it was', () => {
    const before = Error.stackTraceLimit;
    const bytes = Buffer.from(sealPayload(Buffer.from('x'), keys[0]), 'base64url');
    // The first attempt is decrypted without a tag check first, so the wrong key fails in node:crypto.
    expect(openPayload(bytes, [keys[1]])).toBeNull();
    expect(openPayload(bytes, [keys[0]])?.plaintext.toString()).toBe('x');
    expect(Error.stackTraceLimit).toBe(before);
  });
});
