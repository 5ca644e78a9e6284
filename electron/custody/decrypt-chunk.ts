/**
 * The unit of work of a decrypt batch. On the caller's thread a chunk is decrypted into its output
 * (`decryptChunk`, or `decryptChunkLater` to make the output when it is emitted). On a worker it is
 * turned into a request (`requestFor`), served there (`serveRequest`), and the reply completed into
 * results on the coordinating thread (`chunkOutput`); a pool's chunk decrypted on the coordinating
 * thread is served there into a slot and completed the same way.
 *
 * What crosses between threads is kept flat and, in results mode, in shared memory the chunk's
 * slot keeps for the whole batch: payload texts in as Latin-1 bytes, outcomes out as typed arrays
 * and every plaintext's bytes in one buffer. A fresh buffer per chunk (a cloned string array in, a
 * moved buffer out) cost this thread page faults and garbage collections on top of the copies
 * (profiled at 64 KiB payloads: posting twelve cloned texts took ~110 µs, writing them ~35 µs). This
 * thread still copies every payload in and every plaintext out: that is the floor of a worker pool.
 */
import type { BatchCounts, DecryptItemResult, ExportFormat, Layout } from '../../shared/domain';
import { LAYOUTS } from '../../shared/domain';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors';
import { type CaptureItem, type CaptureMeta, DEFAULT_NDJSON_FIELDS, ndjsonLineItem } from './capture-sources';
import { csvRow, reportLine } from './decrypt-report';
import { type TextKind, plaintextOf, textKindOf } from './payload-codec';
import {
  type Candidate,
  type CandidateInfo,
  type Opened,
  type OpenedBytes,
  captureOpener,
  describeOpened,
  resultOfOpened,
} from './payload-decryptor';

export type ChunkInput =
  | { kind: 'items'; items: CaptureItem[] }
  /** Whole NDJSON lines as raw bytes (moved to a worker without a copy). */
  | { kind: 'ndjson'; bytes: Uint8Array; name: string; firstLine: number; field?: string };

/**
 * Results for a person's view, or each item's line in an export format, made where the item was
 * decrypted. In 'json' the lines are the NDJSON lines as members of an array, `,\n` between them
 * and no line break after the last (`linesExport` puts the array around them).
 */
export type OutputMode = { kind: 'results' } | { kind: 'lines'; format: ExportFormat; plaintext: boolean };

export type ItemCounts = Omit<BatchCounts, 'done' | 'total'>;

/**
 * A decrypted chunk whose output is made when it is emitted, in input order. The plaintexts' strings
 * are made then and die young: made earlier, they waited behind slower chunks and were copied by
 * every young-generation collection meanwhile.
 */
export type PendingOutput = () => ChunkOutput;

export interface ChunkOutput {
  items: number;
  counts: ItemCounts;
  matchedKeyIds: string[];
  /** With OutputMode 'results'. */
  results?: DecryptItemResult[];
  /** With OutputMode 'lines': the items' lines in UTF-8, joined as the format joins them. */
  lines?: Uint8Array;
}

/**
 * Shared memory of one chunk in flight, reused chunk after chunk. Either side may replace a buffer
 * that is too small; the other adopts the larger one.
 */
export interface ChunkSlot {
  texts: SharedArrayBuffer;
  plain: SharedArrayBuffer;
}

export function emptySlot(): ChunkSlot {
  return { texts: new SharedArrayBuffer(0), plain: new SharedArrayBuffer(0) };
}

/** `texts` holds the payload texts as Latin-1 bytes; item `i` ends at `ends[i]`. */
export type WorkerRequest =
  | { kind: 'texts'; texts: Uint8Array; ends: Uint32Array; plain: SharedArrayBuffer }
  | (ChunkInput & { plain?: SharedArrayBuffer });

/** Outcomes of a chunk as flat arrays; a decrypted item's plaintext ends at `plainEnds[i]` in `plain`. */
export interface PackedOutcomes {
  /** 0 when decrypted, else 1 + the index of the error code in ERROR_CODES. */
  code: Uint8Array;
  keyIndex: Int32Array;
  layout: Uint8Array;
  /** The TextKind of each plaintext. */
  textKind: Uint8Array;
  plain: Uint8Array;
  plainEnds: Uint32Array;
  /** The error message of each failed item; null for a decrypted one. */
  messages: (string | null)[];
}

export type WorkerReply =
  | {
      kind: 'packed';
      packed: PackedOutcomes;
      sources?: string[];
      /** The texts were read as Latin-1 bytes (`requestFor`). */
      latin1?: true;
    }
  | { kind: 'lines'; items: number; lines: Uint8Array; counts: ItemCounts; matchedKeyIds: string[] };

export function emptyCounts(): ItemCounts {
  return { decrypted: 0, noMatchingKey: 0, malformed: 0, otherErrors: 0 };
}

function count(counts: ItemCounts, ok: boolean, code: ErrorCode | null): void {
  if (ok) counts.decrypted++;
  else if (code === 'NO_MATCHING_KEY') counts.noMatchingKey++;
  else if (code === 'MALFORMED_PAYLOAD') counts.malformed++;
  else counts.otherErrors++;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * V8 keeps a string over 128 KiB in its large-object space, in pages mapped for it and faulted in
 * one by one: decoding a half-megabyte chunk as one string ran at ~1.2 GB/s, 64 KiB at a time at
 * ~12 GB/s. So a chunk is decoded a segment of whole lines at a time, and a longer line alone.
 */
const SEGMENT_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

function* ndjsonItems(input: Extract<ChunkInput, { kind: 'ndjson' }>): Generator<CaptureItem> {
  const fields = input.field ? [input.field] : DEFAULT_NDJSON_FIELDS;
  const bytes = asBuffer(input.bytes);
  let line = input.firstLine;
  for (let start = 0; start < bytes.length;) {
    const lastNewline = bytes.lastIndexOf(NEWLINE, start + SEGMENT_BYTES - 1);
    const newline = lastNewline >= start ? lastNewline : bytes.indexOf(NEWLINE, start);
    const end = newline === -1 ? bytes.length : newline;
    for (const text of bytes.toString('utf8', start, end).split('\n')) {
      const item = ndjsonLineItem(`${input.name}:${line++}`, text, fields);
      if (item) yield item;
    }
    start = end + 1;
  }
}

function itemsOf(chunk: ChunkInput): CaptureItem[] {
  return chunk.kind === 'items' ? chunk.items : [...ndjsonItems(chunk)];
}

/** A chunk's items are opened in order by one opener, which tries first the key that opened the item before. */
type CaptureOpener = ReturnType<typeof captureOpener>;

function openItemBytes(item: CaptureItem, open: CaptureOpener): OpenedBytes {
  return 'error' in item ? { ok: false, error: item.error } : open(item.text);
}

function openItem(item: CaptureItem, open: CaptureOpener): Opened {
  return describeOpened(openItemBytes(item, open));
}

function withMeta(result: DecryptItemResult, meta: CaptureMeta | undefined): DecryptItemResult {
  return meta ? { ...result, meta } : result;
}

function resultsOutput(results: DecryptItemResult[]): ChunkOutput {
  const counts = emptyCounts();
  const matched = new Set<string>();
  for (const result of results) {
    count(counts, result.ok, result.ok ? null : result.error.code);
    if (result.ok && result.key.id) matched.add(result.key.id);
  }
  return { items: results.length, counts, matchedKeyIds: [...matched], results };
}

/**
 * A chunk's lines as UTF-8 in a buffer of its own, which a worker hands over without a copy. Joined
 * into one string instead, a chunk's lines (half a megabyte or more with plaintexts) were a string
 * in V8's large-object space on both threads, and then encoded again to be written: 1 GB of 64 KiB
 * payloads with `--json` went out at 493–506 MB/s, against 635–659 as bytes (1 KiB: 181–183, 215–217).
 */
function utf8Lines(lines: readonly string[], format: ExportFormat): Uint8Array {
  // NDJSON lines and CSV rows each end with a line break; JSON members have ",\n" between them.
  const json = format === 'json';
  let total = json ? 2 * Math.max(lines.length - 1, 0) : lines.length;
  for (const line of lines) total += Buffer.byteLength(line);
  // Zero-filled, never Node's unfilled memory, and every byte of it written below.
  const bytes = Buffer.from(new ArrayBuffer(total));
  let at = 0;
  lines.forEach((line, i) => {
    at += bytes.write(line, at);
    if (!json) at += bytes.write('\n', at);
    else if (i < lines.length - 1) at += bytes.write(',\n', at);
  });
  return bytes;
}

/** The `--json` lines or CSV rows of a chunk, made where the items are decrypted. */
function linesOutput(
  items: readonly CaptureItem[],
  materials: readonly Uint8Array[],
  infos: readonly CandidateInfo[],
  mode: Extract<OutputMode, { kind: 'lines' }>,
): Extract<WorkerReply, { kind: 'lines' }> {
  const open = captureOpener(materials);
  const counts = emptyCounts();
  const matched = new Set<string>();
  const lines: string[] = [];
  for (const item of items) {
    const result = withMeta(resultOfOpened(item.source, openItem(item, open), infos), item.meta);
    count(counts, result.ok, result.ok ? null : result.error.code);
    if (result.ok && result.key.id) matched.add(result.key.id);
    lines.push(mode.format === 'csv' ? csvRow(result, mode) : reportLine(result, mode));
  }
  return { kind: 'lines', items: items.length, lines: utf8Lines(lines, mode.format), counts, matchedKeyIds: [...matched] };
}

/** A lines reply is the chunk's output as it is, wherever it was made. */
function linesChunkOutput({ kind: _kind, ...output }: Extract<WorkerReply, { kind: 'lines' }>): ChunkOutput {
  return output;
}

/**
 * A chunk decrypted on this thread now, its output made at once (`decryptChunk`) or for the one
 * chunk a lazy pool decrypts before it starts workers. Its plaintexts wait in buffers of their own:
 * chunks that wait behind a worker's go into the pool's slots instead (`decryptHere`).
 */
export function decryptChunkLater(
  chunk: ChunkInput,
  candidates: readonly Candidate[],
  infos: readonly CandidateInfo[],
  mode: OutputMode,
): PendingOutput {
  const materials = candidates.map((c) => c.material);
  const items = itemsOf(chunk);
  if (mode.kind === 'lines') {
    const output = linesChunkOutput(linesOutput(items, materials, infos, mode));
    return () => output;
  }
  const open = captureOpener(materials);
  const opened = items.map((item) => openItemBytes(item, open));
  return () =>
    resultsOutput(items.map((item, i) => withMeta(resultOfOpened(item.source, describeOpened(opened[i]), infos), item.meta)));
}

/** The same, with the output made at once. */
export function decryptChunk(
  chunk: ChunkInput,
  candidates: readonly Candidate[],
  infos: readonly CandidateInfo[],
  mode: OutputMode,
): ChunkOutput {
  return decryptChunkLater(chunk, candidates, infos, mode)();
}

/**
 * What to send to a worker. In results mode only the texts travel, as Latin-1 bytes in the slot;
 * sources and metadata stay here. Latin-1 keeps every character up to U+00FF, which is all a
 * payload is made of; `chunkOutput` opens here any text with a wider character the worker failed on.
 */
export function requestFor(chunk: ChunkInput, mode: OutputMode, slot: ChunkSlot): WorkerRequest {
  if (mode.kind === 'lines') return chunk;
  if (chunk.kind === 'ndjson') return { ...chunk, plain: slot.plain };
  let total = 0;
  for (const item of chunk.items) total += 'text' in item ? item.text.length : 0;
  if (slot.texts.byteLength < total) slot.texts = new SharedArrayBuffer(total);
  const bytes = Buffer.from(slot.texts, 0, total);
  const ends = new Uint32Array(chunk.items.length);
  let at = 0;
  chunk.items.forEach((item, i) => {
    if ('text' in item) at += bytes.write(item.text, at, 'latin1');
    ends[i] = at;
  });
  return { kind: 'texts', texts: bytes, ends, plain: slot.plain };
}

/**
 * Each text becomes a string only while it is opened: made all at once, a chunk's texts (a megabyte)
 * were alive at every young-generation collection on the worker, which copied them (64 KiB payloads:
 * ~700 KB survived each collection, now ~2 KB).
 */
function openTexts(request: Extract<WorkerRequest, { kind: 'texts' }>, materials: readonly Uint8Array[]): OpenedBytes[] {
  const bytes = asBuffer(request.texts);
  const open = captureOpener(materials);
  return Array.from(request.ends, (end, i) => open(bytes.toString('latin1', i === 0 ? 0 : request.ends[i - 1], end)));
}

/** Packs outcomes, the plaintexts into `shared` when it is large enough (else into a larger one). */
function pack(opened: readonly OpenedBytes[], shared: SharedArrayBuffer | undefined): PackedOutcomes {
  const n = opened.length;
  let total = 0;
  for (const o of opened) if (o.ok) total += o.bytes.length;
  const plain = shared && shared.byteLength >= total ? shared : new SharedArrayBuffer(total);
  const plainBytes = Buffer.from(plain, 0, total);
  const packed: PackedOutcomes = {
    code: new Uint8Array(n),
    keyIndex: new Int32Array(n).fill(-1),
    layout: new Uint8Array(n),
    textKind: new Uint8Array(n),
    plain: plainBytes,
    plainEnds: new Uint32Array(n),
    messages: new Array<string | null>(n).fill(null),
  };
  let at = 0;
  opened.forEach((o, i) => {
    if (o.ok) {
      packed.keyIndex[i] = o.index;
      packed.layout[i] = LAYOUTS.indexOf(o.layout);
      // Checked here, on the worker, so the coordinating thread only decodes bytes known to be text.
      packed.textKind[i] = textKindOf(o.bytes);
      // Buffer#fill copies with memcpy; TypedArray#set into shared memory copies word by word with
      // relaxed atomics (V8's relaxed_memmove), three times slower (64 KiB: 2.0 µs against 0.6 µs).
      plainBytes.fill(o.bytes, at, at + o.bytes.length);
      at += o.bytes.length;
    } else {
      packed.code[i] = 1 + ERROR_CODES.indexOf(o.error.code);
      packed.messages[i] = o.error.message;
    }
    packed.plainEnds[i] = at;
  });
  return packed;
}

/** The CPU work of a request, on a worker: decryption, and in lines mode the report lines too. */
export function serveRequest(
  request: WorkerRequest,
  candidates: readonly Candidate[],
  infos: readonly CandidateInfo[],
  mode: OutputMode,
): WorkerReply {
  const materials = candidates.map((c) => c.material);
  if (request.kind === 'texts') {
    return {
      kind: 'packed',
      packed: pack(openTexts(request, materials), request.plain),
      latin1: true,
    };
  }
  const items = itemsOf(request);
  if (mode.kind === 'lines') return linesOutput(items, materials, infos, mode);
  const open = captureOpener(materials);
  return {
    kind: 'packed',
    packed: pack(
      items.map((item) => openItemBytes(item, open)),
      request.plain,
    ),
    sources: items.map((item) => item.source),
  };
}

/** Buffers a reply can give away instead of having them copied: every one is the reply's own. */
export function replyTransferList(reply: WorkerReply): ArrayBuffer[] {
  if (reply.kind === 'lines') return [reply.lines.buffer as ArrayBuffer];
  const { code, keyIndex, layout, textKind, plainEnds } = reply.packed;
  return [code, keyIndex, layout, textKind, plainEnds].map((array) => array.buffer as ArrayBuffer);
}

function unpack(packed: PackedOutcomes, plain: Buffer, i: number): Opened {
  const code = packed.code[i];
  if (code !== 0) return { ok: false, error: { code: ERROR_CODES[code - 1], message: packed.messages[i] ?? '' } };
  const start = i === 0 ? 0 : packed.plainEnds[i - 1];
  const end = packed.plainEnds[i];
  const plaintext = plaintextOf(plain.subarray(start, end), packed.textKind[i] as TextKind);
  return { ok: true, index: packed.keyIndex[i], layout: LAYOUTS[packed.layout[i]] as Layout, plaintext };
}

const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/**
 * Completes a reply into the chunk's output, on the coordinating thread, and hands the slot the
 * plaintext buffer the reply used (a larger one if it had to grow it).
 */
export function chunkOutput(
  chunk: ChunkInput,
  reply: WorkerReply,
  candidates: readonly Candidate[],
  infos: readonly CandidateInfo[],
  slot: ChunkSlot,
): ChunkOutput {
  if (reply.kind === 'lines') return linesChunkOutput(reply);
  const { packed } = reply;
  slot.plain = packed.plain.buffer as SharedArrayBuffer;
  const plain = asBuffer(packed.plain);
  const results = new Array<DecryptItemResult>(packed.code.length);
  for (let i = 0; i < results.length; i++) {
    const item = chunk.kind === 'items' ? chunk.items[i] : null;
    let opened = item && 'error' in item ? { ok: false as const, error: item.error } : unpack(packed, plain, i);
    // The worker saw this text in Latin-1; with a wider character in it, only the text itself says.
    if (!opened.ok && reply.latin1 && item && 'text' in item && BEYOND_LATIN1.test(item.text)) {
      opened = openItem(item, captureOpener(candidates.map((c) => c.material)));
    }
    results[i] = withMeta(resultOfOpened(item?.source ?? reply.sources?.[i] ?? '', opened, infos), item?.meta);
  }
  return resultsOutput(results);
}
