// Plaintext passes through here: to stdout, or to an export file only when asked; never to a log.
import type { ExportFormat } from '../../shared/domain';
import type { CliIo } from './cli-io';
import { decryptReport } from './decrypt-output';
import type { StatusLine } from './status-line';
import { type ChunkOutput, linesExport, type OutputMode, privateFileSink, type TextSink, textSink } from '../custody';

/** Where a batch's results go, chunk by chunk, in input order. */
export interface DecryptDestination {
  /** What the batch must produce: result objects for a person's view, finished lines otherwise. */
  readonly mode: OutputMode;
  write(output: ChunkOutput): Promise<void>;
  /** Completes the output (a JSON array's end) and closes a file. */
  finish(): Promise<void>;
  /** The command failed before the batch ran to an end: an export file would mislead, so it goes. */
  discard(): Promise<void>;
}

const NO_LINES = new Uint8Array(0);

/** Stdout failing (the reader went away, as with `| head`) stops the batch like Ctrl-C would. */
function stdoutSink(io: CliIo, onFailure: () => void): TextSink {
  return textSink(io.stdout, { close: false, onFailure });
}

/** `--json`: one JSON object per item, made where the items were decrypted (a worker, for a large batch). */
export function jsonLinesToStdout(io: CliIo, onFailure: () => void): DecryptDestination {
  const sink = stdoutSink(io, onFailure);
  return {
    mode: { kind: 'lines', format: 'ndjson', plaintext: true },
    write: (output) => sink.write(output.lines ?? NO_LINES),
    finish: () => sink.finish(),
    discard: () => sink.finish(),
  };
}

/** A person's view: each plaintext on stdout, and which key opened it (or the error) on stderr. */
export function readableToStdout(io: CliIo, status: StatusLine, onFailure: () => void): DecryptDestination {
  const sink = stdoutSink(io, onFailure);
  return {
    mode: { kind: 'results' },
    async write(output) {
      for (const result of output.results ?? []) {
        const report = decryptReport(result);
        status.message(report.err);
        await sink.write(report.out);
      }
    },
    finish: () => sink.finish(),
    discard: () => sink.finish(),
  };
}

const OTHER_OUTPUT = 'Choose another --output file.';

/**
 * `--output FILE --format F`: the export, created (or truncated) readable by this user only, since
 * it names keys and inputs, and holds plaintext when asked. Opened before the batch starts, so a
 * path that cannot be written fails before any work.
 */
export async function exportFile(
  path: string,
  format: ExportFormat,
  plaintext: boolean,
  onFailure: () => void,
): Promise<DecryptDestination> {
  const file = await privateFileSink(path, OTHER_OUTPUT, onFailure);
  const lines = linesExport(format, { plaintext });
  await file.write(lines.head());
  return {
    mode: lines.mode,
    async write(output) {
      for (const piece of lines.chunk(output.lines ?? NO_LINES)) await file.write(piece);
    },
    async finish() {
      await file.write(lines.tail());
      await file.finish();
    },
    discard: () => file.discard(),
  };
}
