import type { Readable } from 'node:stream';
import type { ChunkInput } from './decrypt-chunk';

const CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/**
 * Cuts an NDJSON stream into chunks of whole lines, about a megabyte each, as raw bytes: no string
 * is made on this thread, and memory stays bounded by the chunks in flight, whatever the file size.
 */
export async function* ndjsonChunks(input: Readable, name: string, field?: string): AsyncGenerator<ChunkInput> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let nextLine = 1;
  const chunk = (bytes: Buffer): ChunkInput => {
    const result: ChunkInput = { kind: 'ndjson', bytes, name, firstLine: nextLine, field };
    nextLine += countNewlines(bytes);
    return result;
  };
  for await (const piece of input as AsyncIterable<Buffer | string>) {
    const buffer = typeof piece === 'string' ? Buffer.from(piece) : piece;
    pending.push(buffer);
    pendingBytes += buffer.length;
    if (pendingBytes < CHUNK_BYTES) continue;
    const joined = Buffer.concat(pending, pendingBytes);
    const lastNewline = joined.lastIndexOf(NEWLINE);
    if (lastNewline === -1) {
      pending = [joined];
      continue;
    }
    // The rest is copied out before the chunk is yielded: a worker pool takes the chunk's memory.
    const rest = Buffer.from(joined.subarray(lastNewline + 1));
    pending = rest.length ? [rest] : [];
    pendingBytes = rest.length;
    yield chunk(joined.subarray(0, lastNewline + 1));
  }
  if (pendingBytes > 0) yield chunk(Buffer.concat(pending, pendingBytes));
}
