import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { unreadableCapture } from './capture-sources';
import type { ChunkInput } from './decrypt-chunk';

/**
 * Half a megabyte: large enough that moving a chunk to a worker costs little next to decrypting it,
 * small enough that the chunks in flight and the garbage each leaves on its thread keep a 1 GB
 * NDJSON under 300 MB of memory (measured: 1 MB chunks peaked at 270–350 MB).
 */
const CHUNK_BYTES = 512 * 1024;
const NEWLINE = 0x0a;

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/**
 * Cuts an NDJSON stream into chunks of whole lines, about half a megabyte each, as raw bytes: no string
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

/**
 * An NDJSON file as chunks. A file that cannot be opened or read becomes one failed item after the
 * lines already read, and the batch goes on with the next input.
 */
export async function* ndjsonFileChunks(path: string, field?: string): AsyncGenerator<ChunkInput> {
  try {
    yield* ndjsonChunks(createReadStream(path, { highWaterMark: CHUNK_BYTES }), path, field);
  } catch (error) {
    yield { kind: 'items', items: [unreadableCapture(path, error)] };
  }
}
