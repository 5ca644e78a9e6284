import { stat } from 'node:fs/promises';
import type { CliIo } from './cli-io';
import { STDIN, readSource } from './input-source';
import {
  type CaptureItem,
  type ChunkInput,
  countFolderFiles,
  fileCapture,
  harCaptures,
  harTextCaptures,
  itemChunks,
  ndjsonChunks,
  ndjsonFileChunks,
  skippedLink,
  walkFolder,
} from '../custody';

/** How each input is read: one raw body per file, NDJSON lines, or a HAR file's POST bodies. */
export type InputKind = 'raw' | 'ndjson' | 'har';

export interface DecryptInputs {
  /** Whole-line NDJSON bytes or groups of captures, in input order; read only as the batch asks. */
  chunks: AsyncIterable<ChunkInput>;
  /** Known up front for raw bodies (one item per file); null for NDJSON and HAR, counted as read. */
  total: number | null;
}

type Input = { path: string; folder: false } | { path: string; folder: true; files: number };

async function isFolder(path: string): Promise<boolean> {
  if (path === STDIN) return false;
  try {
    return (await stat(path)).isDirectory();
  } catch {
    // Not there or not readable: it is read as a file and becomes one failed item.
    return false;
  }
}

/**
 * Every file an input stands for: a folder's files recursively, in a stable order, and the links
 * in it as skipped items. A path given directly is read even through a link.
 */
async function* filesOf(input: Input, read: (path: string) => AsyncIterable<CaptureItem>): AsyncGenerator<CaptureItem> {
  if (!input.folder) {
    yield* read(input.path);
    return;
  }
  for await (const entry of walkFolder(input.path)) {
    if (entry.link) yield skippedLink(entry.path);
    else yield* read(entry.path);
  }
}

async function* rawItems(io: CliIo, inputs: readonly Input[]): AsyncGenerator<CaptureItem> {
  for (const input of inputs) {
    if (input.path === STDIN) yield { source: 'stdin', text: (await readSource(io, STDIN, 'a payload')).toString('utf8') };
    else yield* filesOf(input, fileCapture);
  }
}

async function* harItems(io: CliIo, inputs: readonly Input[]): AsyncGenerator<CaptureItem> {
  for (const input of inputs) {
    if (input.path === STDIN) yield* harTextCaptures((await readSource(io, STDIN, 'a HAR file')).toString('utf8'), 'stdin');
    else yield* filesOf(input, harCaptures);
  }
}

async function* ndjsonInputChunks(io: CliIo, inputs: readonly Input[], field: string | undefined): AsyncGenerator<ChunkInput> {
  for (const input of inputs) {
    if (input.path === STDIN) {
      if (io.stdinIsTerminal) io.err('Reading NDJSON from the terminal; end with Ctrl-D.\n');
      yield* ndjsonChunks(io.stdin, 'stdin', field);
    } else {
      for await (const entry of input.folder ? walkFolder(input.path) : [{ path: input.path, link: false }]) {
        if (entry.link) yield { kind: 'items', items: [skippedLink(entry.path)] };
        else yield* ndjsonFileChunks(entry.path, field);
      }
    }
  }
}

/**
 * The inputs of `custody decrypt`. A folder stands for every file below it and is counted before
 * the batch starts (`announce` tells the person); the files themselves are read as the batch goes.
 */
export async function decryptInputs(
  io: CliIo,
  paths: readonly string[],
  kind: InputKind,
  field: string | undefined,
  announce: (folder: string, files: number) => void,
): Promise<DecryptInputs> {
  const inputs: Input[] = [];
  for (const path of paths) {
    if (await isFolder(path)) {
      const files = await countFolderFiles(path);
      announce(path, files);
      inputs.push({ path, folder: true, files });
    } else {
      inputs.push({ path, folder: false });
    }
  }
  if (kind === 'ndjson') return { chunks: ndjsonInputChunks(io, inputs, field), total: null };
  if (kind === 'har') return { chunks: itemChunks(harItems(io, inputs)), total: null };
  return {
    chunks: itemChunks(rawItems(io, inputs)),
    total: inputs.reduce((sum, input) => sum + (input.folder ? input.files : 1), 0),
  };
}
