import type { Readable } from 'node:stream';
import { unreadableCapture } from './capture-sources';
import type { ChunkInput } from './decrypt-chunk';
import { openRegularFile } from './input-file';

/** Large enough that handing a chunk to a worker costs little next to decrypting it. */
const CHUNK_BYTES = 512 * 1024;
const NEWLINE = 0x0a;

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/**
 * Cuts an NDJSON stream into chunks of whole lines, about half a megabyte each, as raw bytes: no
 * string is made on this thread, and memory stays bounded by the chunks in flight. Each piece read
 * is searched for a line break once, so one very long line still costs linear time.
 */
export async function* ndjsonChunks(input: Readable, name: string, field?: string): AsyncGenerator<ChunkInput> {
  let pieces: Buffer[] = [];
  let pendingBytes = 0;
  let nextLine = 1;
  const chunk = (bytes: Buffer): ChunkInput => {
    const result: ChunkInput = { kind: 'ndjson', bytes, name, firstLine: nextLine, field };
    nextLine += countNewlines(bytes);
    return result;
  };
  for await (const read of input as AsyncIterable<Buffer | string>) {
    const piece = typeof read === 'string' ? Buffer.from(read) : read;
    pieces.push(piece);
    pendingBytes += piece.length;
    if (pendingBytes < CHUNK_BYTES) continue;
    const lastNewline = piece.lastIndexOf(NEWLINE);
    if (lastNewline === -1) continue;
    // The rest of the piece starts the next chunk; copied, since a worker takes the chunk's memory.
    const rest = Buffer.from(piece.subarray(lastNewline + 1));
    pieces[pieces.length - 1] = piece.subarray(0, lastNewline + 1);
    const whole = Buffer.concat(pieces, pendingBytes - rest.length);
    pieces = rest.length > 0 ? [rest] : [];
    pendingBytes = rest.length;
    yield chunk(whole);
  }
  if (pendingBytes > 0) yield chunk(Buffer.concat(pieces, pendingBytes));
}

/**
 * An NDJSON file (a regular one: input-file.ts) as chunks, its lines reported under `name`. A file
 * that cannot be opened or read becomes one failed item after the lines already read, and the
 * batch goes on with the next input.
 */
export async function* ndjsonFileChunks(path: string, field?: string, name = path): AsyncGenerator<ChunkInput> {
  try {
    const handle = await openRegularFile(path);
    yield* ndjsonChunks(handle.createReadStream({ highWaterMark: CHUNK_BYTES }), name, field);
  } catch (error) {
    yield { kind: 'items', items: [unreadableCapture(path, error)] };
  }
}
