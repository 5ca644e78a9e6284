/**
 * The unit of work of a decrypt batch: a chunk of captures, decrypted in order into results or
 * into export lines. The same function runs on a worker thread and on the calling thread.
 */
import type { BatchCounts, DecryptItemResult } from '../../shared/domain';
import { type CaptureItem, DEFAULT_NDJSON_FIELDS, ndjsonLineItem } from './capture-sources';
import { type OutputMode, chunkLines } from './decrypt-report';
import { type CandidateInfo, decryptCapture } from './payload-decryptor';

export type ChunkInput =
  | { kind: 'items'; items: CaptureItem[] }
  /** Whole NDJSON lines as raw bytes (moved to a worker without a copy). */
  | { kind: 'ndjson'; bytes: Uint8Array; name: string; firstLine: number; field?: string };

export type ItemCounts = Omit<BatchCounts, 'done' | 'total'>;

export interface ChunkOutput {
  items: number;
  counts: ItemCounts;
  matchedKeyIds: string[];
  /** With OutputMode 'results'. */
  results?: DecryptItemResult[];
  /** With OutputMode 'lines': the items' lines in UTF-8, joined as the format joins them. */
  lines?: Uint8Array;
}

function ndjsonItems(chunk: Extract<ChunkInput, { kind: 'ndjson' }>): CaptureItem[] {
  const fields = chunk.field ? [chunk.field] : DEFAULT_NDJSON_FIELDS;
  const text = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength).toString('utf8');
  const items: CaptureItem[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    const item = ndjsonLineItem(`${chunk.name}:${chunk.firstLine + i}`, line, fields);
    if (item) items.push(item);
  }
  return items;
}

function countsOf(results: readonly DecryptItemResult[]): Pick<ChunkOutput, 'counts' | 'matchedKeyIds'> {
  const counts: ItemCounts = { decrypted: 0, noMatchingKey: 0, malformed: 0, otherErrors: 0 };
  const matched = new Set<string>();
  for (const result of results) {
    if (result.ok) {
      counts.decrypted++;
      if (result.key.id !== null) matched.add(result.key.id);
    } else if (result.error.code === 'NO_MATCHING_KEY') counts.noMatchingKey++;
    else if (result.error.code === 'MALFORMED_PAYLOAD') counts.malformed++;
    else counts.otherErrors++;
  }
  return { counts, matchedKeyIds: [...matched] };
}

/** R10 for every capture of a chunk, in order; `keys[i]` is described by `infos[i]`. */
export function decryptChunk(
  chunk: ChunkInput,
  keys: readonly Uint8Array[],
  infos: readonly CandidateInfo[],
  mode: OutputMode,
): ChunkOutput {
  const items = chunk.kind === 'items' ? chunk.items : ndjsonItems(chunk);
  const results = items.map((item) => decryptCapture(item, keys, infos));
  const output = { items: results.length, ...countsOf(results) };
  return mode.kind === 'lines' ? { ...output, lines: chunkLines(results, mode) } : { ...output, results };
}
