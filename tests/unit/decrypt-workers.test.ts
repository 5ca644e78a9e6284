import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureItem } from '../../electron/custody/capture-sources';
import { itemChunks, runDecryptBatch } from '../../electron/custody/decrypt-batch';
import type { ChunkInput, ChunkOutput } from '../../electron/custody/decrypt-chunk';
import { type OutputMode, exportWriter, linesExport } from '../../electron/custody/decrypt-report';
import { ndjsonFileChunks } from '../../electron/custody/ndjson-chunks';
import { sealPayload } from '../../electron/custody/payload-codec';
import { candidatesFromRawKeys } from '../../electron/custody/payload-decryptor';
import type { DecryptItemResult } from '../../shared/domain';
import { buildDecryptWorker } from '../support/build-worker';

/** A batch on worker threads gives what the same batch gives on this thread, in order, and ends cleanly. */
const keys = [randomBytes(32), randomBytes(32)];
const candidates = candidatesFromRawKeys(keys);
const RESULTS: OutputMode = { kind: 'results' };
let workerScript: string;
let dir: string;

beforeAll(async () => {
  workerScript = buildDecryptWorker();
  dir = await mkdtemp(join(tmpdir(), 'custody-workers-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Every kind of outcome, several chunks' worth: text, JSON, non-UTF-8 bytes, empty, errors of each kind. */
function mixedItems(): CaptureItem[] {
  const items: CaptureItem[] = [];
  for (let i = 0; i < 600; i++) {
    const key = keys[i % 2] as Buffer;
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
  items[42] = {
    source: 'har#42',
    text: sealPayload(Buffer.from('{}'), keys[0] as Buffer),
    meta: { url: 'https://hooks.test/a', time: '2026-11-21T08:58:00Z' },
  };
  return items;
}

async function collect(chunks: AsyncIterable<ChunkInput>, mode: OutputMode, workers: number): Promise<ChunkOutput[]> {
  const outputs: ChunkOutput[] = [];
  await runDecryptBatch(chunks, candidates, mode, (o) => void outputs.push(o), {
    workers: { script: workerScript, count: workers },
  });
  return outputs;
}

const resultsOf = (outputs: ChunkOutput[]): DecryptItemResult[] => outputs.flatMap((o) => o.results ?? []);
/** A lines-mode batch's output as the text a reader of it sees. */
const linesOf = (outputs: ChunkOutput[]): string => outputs.map((o) => Buffer.from(o.lines ?? []).toString('utf8')).join('');

describe('a batch on workers', () => {
  it('gives exactly the results of this thread: text, non-UTF-8 bytes as base64, empty plaintext, every error, metadata', async () => {
    const items = mixedItems();
    const here = resultsOf(await collect(itemChunks(items), RESULTS, 0));
    const workers = resultsOf(await collect(itemChunks(items), RESULTS, 2));
    expect(workers).toEqual(here);
    expect(here.map((r) => r.source)).toEqual(items.map((i) => i.source));
    expect(here.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toContain('MALFORMED_PAYLOAD');
    expect(here.find((r) => r.source === 'har#42')).toMatchObject({ ok: true, meta: { url: 'https://hooks.test/a' } });
  });

  it('makes the same --json lines and CSV rows as this thread', async () => {
    for (const mode of [
      { kind: 'lines', format: 'ndjson', plaintext: true },
      { kind: 'lines', format: 'csv', plaintext: false },
    ] as const) {
      const items = mixedItems();
      const here = linesOf(await collect(itemChunks(items), mode, 0));
      expect(linesOf(await collect(itemChunks(items), mode, 1))).toBe(here);
      expect(linesOf(await collect(itemChunks(items), mode, 3))).toBe(here);
      expect(here.split('\n')).toHaveLength(items.length + 1);
    }
  });

  it('writes the same NDJSON, JSON and CSV exports from worker-made lines as from results', async () => {
    const items = mixedItems().slice(0, 300);
    const results = resultsOf(await collect(itemChunks(items), RESULTS, 0));
    for (const format of ['ndjson', 'json', 'csv'] as const) {
      for (const plaintext of [false, true]) {
        const fromResults = exportWriter(format, { plaintext });
        const expected = fromResults.head() + results.map(fromResults.item).join('') + fromResults.tail();
        const fromLines = linesExport(format, { plaintext });
        const outputs = await collect(itemChunks(items), fromLines.mode, 2);
        expect(outputs.length).toBeGreaterThan(1);
        const pieces = outputs.flatMap((o) => fromLines.chunk(o.lines ?? new Uint8Array()));
        const written = fromLines.head() + pieces.map((p) => Buffer.from(p).toString('utf8')).join('') + fromLines.tail();
        expect(written, `${format} plaintext=${plaintext}`).toBe(expected);
      }
    }
    const empty = linesExport('json', { plaintext: false });
    expect(JSON.parse(empty.head() + empty.tail())).toEqual([]);
  });

  it('emits finished chunks while the source has nothing more yet (a pipe), in order', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const items = mixedItems();
    async function* slowSource(): AsyncGenerator<ChunkInput> {
      yield { kind: 'items', items: items.slice(0, 10) };
      yield { kind: 'items', items: items.slice(10, 20) };
      await held;
      yield { kind: 'items', items: items.slice(20, 30) };
    }
    const seen: string[] = [];
    await runDecryptBatch(
      slowSource(),
      candidates,
      RESULTS,
      (o) => {
        seen.push(...(o.results ?? []).map((r) => r.source));
        // The source only gives its third chunk once the second one's results came out.
        if (seen.length === 20) release();
      },
      { workers: { script: workerScript, count: 2 } },
    );
    expect(seen).toEqual(items.slice(0, 30).map((i) => i.source));
  });

  it('reads ahead of a slow reader of its output only a few chunks, whatever the input size', async () => {
    const item: CaptureItem = { source: 'p', text: sealPayload(Buffer.from('{}'), keys[0] as Buffer) };
    let read = 0;
    let emitted = 0;
    let mostAhead = 0;
    async function* manyChunks(): AsyncGenerator<ChunkInput> {
      for (; read < 200; read++) {
        mostAhead = Math.max(mostAhead, read - emitted);
        yield { kind: 'items', items: [item] };
      }
    }
    await runDecryptBatch(
      manyChunks(),
      candidates,
      RESULTS,
      async () => {
        emitted++;
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
      { workers: { script: workerScript, count: 2 } },
    );
    expect(emitted).toBe(200);
    expect(mostAhead).toBeLessThan(20);
  });

  it('on cancel reports the chunks already started, in order, and skips the ones still waiting', async () => {
    const strangers = candidatesFromRawKeys(Array.from({ length: 8 }, () => randomBytes(32)));
    const item: CaptureItem = { source: '', text: sealPayload(Buffer.from('{}'), keys[0] as Buffer) };
    const chunks = Array.from({ length: 40 }, (_, c): ChunkInput => ({
      kind: 'items',
      items: Array.from({ length: 200 }, (_, i) => ({ ...item, source: `c${c}-${i}` })),
    }));
    const controller = new AbortController();
    const sources: string[] = [];
    const summary = await runDecryptBatch(
      itemChunks(chunks.flatMap((c) => (c.kind === 'items' ? c.items : []))),
      strangers,
      RESULTS,
      (o) => {
        sources.push(...(o.results ?? []).map((r) => r.source));
        controller.abort();
      },
      { signal: controller.signal, workers: { script: workerScript, count: 2 } },
    );
    expect(summary.cancelled).toBe(true);
    expect(summary.done).toBe(sources.length);
    expect(summary.done).toBeLessThan(40 * 200);
    const all = chunks.flatMap((c) => (c.kind === 'items' ? c.items.map((i) => i.source) : []));
    expect(sources).toEqual(all.slice(0, sources.length));
  });

  it('fails with INTERNAL, and never hangs, when a worker dies', async () => {
    const crashing = join(dir, 'crashing-worker.cjs');
    await writeFile(crashing, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const items = mixedItems();
    await expect(
      runDecryptBatch(itemChunks(items), candidates, RESULTS, () => undefined, { workers: { script: crashing, count: 2 } }),
    ).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('NDJSON files', () => {
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
});
