/**
 * The unit of work of a decrypt batch, the same on the caller's thread and on a worker. A chunk is
 * turned into a request (`requestFor`), served where the CPU work happens (`serveRequest`), and the
 * reply completed into results on the coordinating thread (`chunkOutput`).
 *
 * What crosses between threads is kept flat: payload texts as a string array in, outcomes as typed
 * arrays out, and, for the CLI's `--json` lines, the finished text. Cloning a result object per
 * item would cost the coordinating thread more than a bare single-thread loop spends decrypting.
 */
import type { BatchCounts, DecryptItemResult, Layout, Plaintext } from '../../shared/domain';
import { LAYOUTS } from '../../shared/domain';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors';
import { type CaptureItem, type CaptureMeta, DEFAULT_NDJSON_FIELDS, ndjsonLineItem } from './capture-sources';
import { csvRow, reportLine } from './decrypt-report';
import { type Candidate, type CandidateInfo, type Opened, openCapture, resultOfOpened } from './payload-decryptor';

export type ChunkInput =
  | { kind: 'items'; items: CaptureItem[] }
  /** Whole NDJSON lines as raw bytes (moved to a worker without a copy). */
  | { kind: 'ndjson'; bytes: Uint8Array; name: string; firstLine: number; field?: string };

export type OutputMode = { kind: 'results' } | { kind: 'lines'; format: 'ndjson' | 'csv'; plaintext: boolean };

export type ItemCounts = Omit<BatchCounts, 'done' | 'total'>;

export interface ChunkOutput {
  items: number;
  counts: ItemCounts;
  matchedKeyIds: string[];
  /** With OutputMode 'results'. */
  results?: DecryptItemResult[];
  /** With OutputMode 'lines': one line per item, each ending in a newline. */
  text?: string;
}

export type WorkerRequest = { kind: 'texts'; texts: string[] } | ChunkInput;

/** Outcomes of a chunk as flat arrays; `value` holds the text, the base64 or the error message. */
export interface PackedOutcomes {
  /** 0 when decrypted, else 1 + the index of the error code in ERROR_CODES. */
  code: Uint8Array;
  keyIndex: Int16Array;
  layout: Uint8Array;
  utf8: Uint8Array;
  byteLength: Int32Array;
  value: (string | null)[];
}

export type WorkerReply =
  | { kind: 'packed'; packed: PackedOutcomes; sources?: string[] }
  | { kind: 'lines'; items: number; text: string; counts: ItemCounts; matchedKeyIds: string[] };

export function emptyCounts(): ItemCounts {
  return { decrypted: 0, noMatchingKey: 0, malformed: 0, otherErrors: 0 };
}

function count(counts: ItemCounts, ok: boolean, code: ErrorCode | null): void {
  if (ok) counts.decrypted++;
  else if (code === 'NO_MATCHING_KEY') counts.noMatchingKey++;
  else if (code === 'MALFORMED_PAYLOAD') counts.malformed++;
  else counts.otherErrors++;
}

function* ndjsonItems(input: Extract<ChunkInput, { kind: 'ndjson' }>): Generator<CaptureItem> {
  const fields = input.field ? [input.field] : DEFAULT_NDJSON_FIELDS;
  const lines = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength).toString('utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const item = ndjsonLineItem(`${input.name}:${input.firstLine + i}`, lines[i], fields);
    if (item) yield item;
  }
}

function openItem(item: CaptureItem, materials: readonly Uint8Array[]): Opened {
  return 'error' in item ? { ok: false, error: item.error } : openCapture(item.text, materials);
}

function pack(opened: Opened[]): PackedOutcomes {
  const n = opened.length;
  const packed: PackedOutcomes = {
    code: new Uint8Array(n),
    keyIndex: new Int16Array(n).fill(-1),
    layout: new Uint8Array(n),
    utf8: new Uint8Array(n),
    byteLength: new Int32Array(n),
    value: new Array<string | null>(n),
  };
  opened.forEach((o, i) => {
    if (!o.ok) {
      packed.code[i] = 1 + ERROR_CODES.indexOf(o.error.code);
      packed.value[i] = o.error.message;
      return;
    }
    packed.keyIndex[i] = o.index;
    packed.layout[i] = LAYOUTS.indexOf(o.layout);
    packed.utf8[i] = o.plaintext.utf8 ? 1 : 0;
    packed.byteLength[i] = o.plaintext.byteLength;
    packed.value[i] = o.plaintext.utf8 ? o.plaintext.text : o.plaintext.base64;
  });
  return packed;
}

function unpack(packed: PackedOutcomes, i: number): Opened {
  const code = packed.code[i];
  if (code !== 0) return { ok: false, error: { code: ERROR_CODES[code - 1], message: packed.value[i] ?? '' } };
  const utf8 = packed.utf8[i] === 1;
  const plaintext: Plaintext = {
    utf8,
    text: utf8 ? packed.value[i] : null,
    base64: utf8 ? null : packed.value[i],
    byteLength: packed.byteLength[i],
  };
  return { ok: true, index: packed.keyIndex[i], layout: LAYOUTS[packed.layout[i]] as Layout, plaintext };
}

/** What to send where the work happens. In results mode only the texts travel; sources stay here. */
export function requestFor(chunk: ChunkInput, mode: OutputMode): WorkerRequest {
  if (mode.kind === 'lines' || chunk.kind === 'ndjson') return chunk;
  return { kind: 'texts', texts: chunk.items.map((item) => ('text' in item ? item.text : '')) };
}

/** The CPU work of a chunk: decryption, and in lines mode the report lines too. */
export function serveRequest(
  request: WorkerRequest,
  candidates: readonly Candidate[],
  infos: readonly CandidateInfo[],
  mode: OutputMode,
): WorkerReply {
  const materials = candidates.map((c) => c.material);
  if (request.kind === 'texts')
    return { kind: 'packed', packed: pack(request.texts.map((text) => openCapture(text, materials))) };
  const items = request.kind === 'items' ? request.items : [...ndjsonItems(request)];
  if (mode.kind === 'results') {
    return {
      kind: 'packed',
      packed: pack(items.map((item) => openItem(item, materials))),
      sources: items.map((item) => item.source),
    };
  }
  const counts = emptyCounts();
  const matched = new Set<string>();
  let text = '';
  for (const item of items) {
    const result = withMeta(resultOfOpened(item.source, openItem(item, materials), infos), item.meta);
    count(counts, result.ok, result.ok ? null : result.error.code);
    if (result.ok && result.key.id) matched.add(result.key.id);
    text += `${mode.format === 'csv' ? csvRow(result, mode) : reportLine(result, mode)}\n`;
  }
  return { kind: 'lines', items: items.length, text, counts, matchedKeyIds: [...matched] };
}

function withMeta(result: DecryptItemResult, meta: CaptureMeta | undefined): DecryptItemResult {
  return meta ? { ...result, meta } : result;
}

/** Completes a reply into the chunk's output, on the coordinating thread. */
export function chunkOutput(chunk: ChunkInput, reply: WorkerReply, infos: readonly CandidateInfo[]): ChunkOutput {
  if (reply.kind === 'lines')
    return { items: reply.items, counts: reply.counts, matchedKeyIds: reply.matchedKeyIds, text: reply.text };
  const counts = emptyCounts();
  const matched = new Set<string>();
  const n = reply.packed.code.length;
  const results = new Array<DecryptItemResult>(n);
  for (let i = 0; i < n; i++) {
    const item = chunk.kind === 'items' ? chunk.items[i] : null;
    const opened = item && 'error' in item ? { ok: false as const, error: item.error } : unpack(reply.packed, i);
    const result = withMeta(resultOfOpened(item?.source ?? reply.sources?.[i] ?? '', opened, infos), item?.meta);
    count(counts, result.ok, result.ok ? null : result.error.code);
    if (result.ok && result.key.id) matched.add(result.key.id);
    results[i] = result;
  }
  return { items: n, counts, matchedKeyIds: [...matched], results };
}

/** A chunk done entirely on this thread. */
export function decryptChunk(
  chunk: ChunkInput,
  candidates: readonly Candidate[],
  infos: readonly CandidateInfo[],
  mode: OutputMode,
): ChunkOutput {
  return chunkOutput(chunk, serveRequest(requestFor(chunk, mode), candidates, infos, mode), infos);
}
