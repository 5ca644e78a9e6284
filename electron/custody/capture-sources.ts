/**
 * Where captured payloads come from: one raw body per file, a folder of them, NDJSON
 * lines, or the POST bodies of a HAR 1.2 file. Everything is streamed as an async sequence, and a
 * source that cannot be read becomes one failed item instead of stopping the batch.
 */
import { lstat, opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CustodyErrorShape } from '../../shared/errors';
import { CustodyError } from './custody-error';
import { openRegularFile, readRegularFile } from './input-file';

export interface CaptureMeta {
  url?: string;
  time?: string;
}

export type CaptureItem =
  { source: string; text: string; meta?: CaptureMeta } | { source: string; error: CustodyErrorShape; meta?: CaptureMeta };

export const DEFAULT_NDJSON_FIELDS = ['payload', 'body'] as const;

/** A source that could not be read, as one failed item: the batch goes on without it. */
export function unreadableCapture(path: string, error: unknown): CaptureItem {
  if (error instanceof CustodyError) return { source: path, error: error.toShape() };
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'it does not exist'
      : code === 'EACCES'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a folder'
          : 'it could not be read';
  return { source: path, error: { code: 'INVALID_INPUT', message: `Cannot read ${path}: ${why}.` } };
}

export async function* fileCapture(path: string): AsyncGenerator<CaptureItem> {
  try {
    yield { source: path, text: await readRegularFile(path) };
  } catch (error) {
    yield unreadableCapture(path, error);
  }
}

/** What a folder holds below it: a file to read, or a symbolic link, listed but never followed. */
export interface FolderEntry {
  path: string;
  link: boolean;
}

/**
 * Files below a folder, recursively, in a stable (sorted) order; hidden files are skipped.
 * Symbolic links, to files or folders, are not followed: each file is read once, and a link
 * loop cannot trap the walk. They are listed, so the person sees what was left out.
 */
export async function* walkFolder(folder: string): AsyncGenerator<FolderEntry> {
  let names: string[];
  try {
    const dir = await opendir(folder);
    names = [];
    for await (const entry of dir) if (!entry.name.startsWith('.')) names.push(entry.name);
  } catch {
    return;
  }
  names.sort();
  for (const name of names) {
    const path = join(folder, name);
    const stats = await lstat(path).catch(() => null);
    if (stats?.isSymbolicLink()) yield { path, link: true };
    else if (stats?.isDirectory()) yield* walkFolder(path);
    else yield { path, link: false };
  }
}

/** A link met inside a folder, as one failed item of the batch. */
export function skippedLink(path: string): CaptureItem {
  return {
    source: path,
    error: {
      code: 'UNSUPPORTED_INPUT',
      message: `${path} is a symbolic link inside a folder, and links there are not followed. To decrypt what it points to, give that file as an input of its own.`,
    },
  };
}

/** The count shown before a folder batch starts: every file and link, since each becomes one item. */
export async function countFolderFiles(folder: string): Promise<number> {
  let count = 0;
  for await (const _entry of walkFolder(folder)) count++;
  return count;
}

/** What a folder batch reads: its files and links (one item each) and the bytes of its files. */
export async function measureFolder(folder: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for await (const entry of walkFolder(folder)) {
    files++;
    if (!entry.link) bytes += (await stat(entry.path).catch(() => null))?.size ?? 0;
  }
  return { files, bytes };
}

export async function* folderCaptures(folder: string): AsyncGenerator<CaptureItem> {
  for await (const entry of walkFolder(folder)) {
    if (entry.link) yield skippedLink(entry.path);
    else yield* fileCapture(entry.path);
  }
}

/** One NDJSON line: a payload, bare or as a JSON string, or an object holding it; null when blank. */
export function ndjsonLineItem(source: string, line: string, fields: readonly string[]): CaptureItem | null {
  const text = line.trim();
  if (text === '') return null;
  if (!text.startsWith('{')) return { source, text };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { source, error: { code: 'MALFORMED_PAYLOAD', message: `${source} is not valid JSON.` } };
  }
  const record = value as Record<string, unknown>;
  const field = fields.find((f) => typeof record[f] === 'string');
  if (!field) {
    return {
      source,
      error: {
        code: 'MALFORMED_PAYLOAD',
        message: `${source} has no string member ${fields.map((f) => `"${f}"`).join(' or ')}.`,
      },
    };
  }
  return { source, text: record[field] as string };
}

interface HarEntry {
  startedDateTime?: unknown;
  request?: { method?: unknown; url?: unknown; postData?: { text?: unknown; encoding?: unknown } };
}

/** HAR 1.2: the body of every POST request, with its URL and time. */
export async function* harCaptures(path: string): AsyncGenerator<CaptureItem> {
  let text: string;
  try {
    text = await readRegularFile(path);
  } catch (error) {
    yield unreadableCapture(path, error);
    return;
  }
  yield* harTextCaptures(text, path);
}

/** The same for HAR text already read (from stdin); `name` stands for the file in sources and messages. */
export function* harTextCaptures(text: string, name: string): Generator<CaptureItem> {
  let har: unknown;
  try {
    har = JSON.parse(text);
  } catch {
    yield { source: name, error: { code: 'INVALID_INPUT', message: `${name} is not a HAR file (it is not JSON).` } };
    return;
  }
  const entries = (har as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) {
    yield { source: name, error: { code: 'INVALID_INPUT', message: `${name} is not a HAR file (no log.entries).` } };
    return;
  }
  for (const [index, entry] of (entries as HarEntry[]).entries()) {
    const request = entry?.request;
    if (typeof request?.method !== 'string' || request.method.toUpperCase() !== 'POST') continue;
    const meta: CaptureMeta = {
      url: typeof request.url === 'string' ? request.url : undefined,
      time: typeof entry.startedDateTime === 'string' ? entry.startedDateTime : undefined,
    };
    const source = `${name}#${index + 1}`;
    const body = request.postData?.text;
    if (typeof body !== 'string') {
      yield { source, meta, error: { code: 'MALFORMED_PAYLOAD', message: `${source}: the POST request has no body text.` } };
      continue;
    }
    yield { source, meta, text: request.postData?.encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body };
  }
}

/** How a chosen input is read: one capture per file, a folder of them, NDJSON lines or a HAR recording. */
export type InputKind = 'file' | 'folder' | 'ndjson' | 'har';

/** Enough of a file's start to tell a HAR recording and NDJSON lines from a single capture. */
const SNIFF_BYTES = 4096;

/**
 * A file's kind from its first bytes, not its name: a JSON object whose first member is "log" is
 * a HAR recording; a first line holding a JSON object is NDJSON; anything else (base64, a JSON
 * string) is one capture. Bare payloads one per line cannot be told from one payload wrapped over
 * lines, so there the name decides: `.ndjson` or `.jsonl` reads as lines.
 */
export function inputKindOfText(head: string, name: string): Exclude<InputKind, 'folder'> {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (/^\{\s*"log"\s*:/.test(text)) return 'har';
  if (text.startsWith('{')) return 'ndjson';
  return /\.(ndjson|jsonl)$/i.test(name) ? 'ndjson' : 'file';
}

/** A chosen path's kind: a folder, or a file by its content. A file that cannot be read is a capture (its read then fails as one item). */
export async function inputKindOf(path: string): Promise<InputKind> {
  if ((await stat(path).catch(() => null))?.isDirectory()) return 'folder';
  let handle;
  try {
    handle = await openRegularFile(path);
  } catch {
    return 'file';
  }
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return inputKindOfText(head.subarray(0, bytesRead).toString('utf8'), path);
  } catch {
    return 'file';
  } finally {
    await handle.close();
  }
}
