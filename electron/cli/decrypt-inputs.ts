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

/** Every file an input stands for: a folder's files recursively, in a stable order. */
async function* filesOf(input: Input): AsyncGenerator<string> {
  if (input.folder) yield* walkFolder(input.path);
  else yield input.path;
}

async function* rawItems(io: CliIo, inputs: readonly Input[]): AsyncGenerator<CaptureItem> {
  for (const input of inputs) {
    if (input.path === STDIN) yield { source: 'stdin', text: (await readSource(io, STDIN, 'a payload')).toString('utf8') };
    else for await (const file of filesOf(input)) yield* fileCapture(file);
  }
}

async function* harItems(io: CliIo, inputs: readonly Input[]): AsyncGenerator<CaptureItem> {
  for (const input of inputs) {
    if (input.path === STDIN) yield* harTextCaptures((await readSource(io, STDIN, 'a HAR file')).toString('utf8'), 'stdin');
    else for await (const file of filesOf(input)) yield* harCaptures(file);
  }
}

async function* ndjsonInputChunks(io: CliIo, inputs: readonly Input[], field: string | undefined): AsyncGenerator<ChunkInput> {
  for (const input of inputs) {
    if (input.path === STDIN) {
      if (io.stdinIsTerminal) io.err('Reading NDJSON from the terminal; end with Ctrl-D.\n');
      yield* ndjsonChunks(io.stdin, 'stdin', field);
    } else {
      for await (const file of filesOf(input)) yield* ndjsonFileChunks(file, field);
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
