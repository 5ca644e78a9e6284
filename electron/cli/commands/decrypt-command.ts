// Key material and plaintext pass through here: never log either.
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type DecryptScope, EXPORT_FORMATS, type ExportFormat } from '../../../shared/domain';
import { untilAborted } from '../abortable-source';
import type { CliContext } from '../cli-context';
import { usageOf, workflowIdArg } from '../cli-usage';
import { type InputKind, decryptInputs } from '../decrypt-inputs';
import { type DecryptDestination, exportFile, jsonLinesToStdout, readableToStdout } from '../decrypt-destination';
import { summaryLine } from '../decrypt-output';
import { UsageError } from '../exit-codes';
import { STDIN } from '../input-source';
import { readKeyFile } from '../key-file';
import { type StatusLine, createStatusLine } from '../status-line';
import { passphraseFileOf } from '../passphrase-input';
import { assertStdinReadOnce } from '../stdin-use';
import {
  type BatchOptions,
  type BatchSummary,
  candidatesFromRawKeys,
  type ChunkInput,
  type ChunkOutput,
  defaultWorkerCount,
  type OutputMode,
  runDecryptBatch,
} from '../../custody';

interface DecryptOptions {
  workflow?: string;
  any?: boolean;
  keyFile?: string;
  json?: boolean;
  ndjson?: boolean;
  field?: string;
  har?: boolean;
  workers?: number;
  output?: string;
  format?: ExportFormat;
  includePlaintext?: boolean;
}

const MAX_WORKERS = 256;

const HELP_AFTER = `
Each FILE is one raw payload body; a FOLDER stands for every file below it (counted first; links
inside it are listed as skipped, never followed); - or no input reads stdin. Only regular files are
read: a FIFO, socket or device is refused (UNSUPPORTED_INPUT). With --ndjson each input holds one payload per line: bare, as a JSON string, or
in a member of a JSON object (--field NAME; default "payload", then "body"). With --har each input
is a HAR 1.2 file, and the bodies of its POST requests are decrypted, with their URL and time.

Results come in input order: --json prints one JSON object per item (plaintext included), and
--output FILE writes them to FILE (mode 0600; a symlink, FIFO or device is refused) as NDJSON, JSON
or CSV, plaintext only with --include-plaintext. A file of plaintext is recorded in the audit log
(where, how many items), except with --key-file, which opens no vault. Without either, each
plaintext goes to stdout and what opened it to stderr.
A summary ends every run on stderr; progress is shown there when it is a terminal.

Exit status: 0 when every item decrypted, 1 when any item failed (each failure is reported with
its error code and the batch goes on), 2 usage, 130 when stopped with Ctrl-C (the items already
started are finished and reported; the partial batch is recorded in the audit log).

Examples:
  custody decrypt --workflow onUserTokenGeneration captured-body.txt
  custody decrypt --any captures/
  custody decrypt --key-file keys.txt --ndjson --json captures.ndjson > results.ndjson
  custody decrypt --any --har session.har --output results.csv --format csv
`;

function workerCount(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count > MAX_WORKERS) {
    throw new InvalidArgumentError(`expected a whole number from 0 to ${MAX_WORKERS}`);
  }
  return count;
}

/** Misuse is refused before any input, key or vault is touched. */
function checkOptions(command: Command, options: DecryptOptions): void {
  const usage = (message: string) => new UsageError(message, usageOf(command));
  const keySources = [options.workflow !== undefined, options.any === true, options.keyFile !== undefined];
  if (keySources.filter(Boolean).length !== 1) throw usage('choose exactly one of --workflow ID, --any or --key-file FILE');
  if (options.ndjson && options.har) throw usage('choose one of --ndjson or --har: each input is read one way');
  if (options.field !== undefined && !options.ndjson)
    throw usage('--field names the member of an NDJSON line: use it with --ndjson');
  if (options.output !== undefined && options.json) {
    throw usage('choose --json (results on stdout) or --output FILE (results in FILE; --format json for a JSON file)');
  }
  if (options.output === undefined && options.format !== undefined) throw usage('--format applies to --output FILE');
  if (options.output === undefined && options.includePlaintext) {
    throw usage('--include-plaintext applies to --output FILE (--json on stdout always includes the plaintext)');
  }
}

/** --workflow W or --any: the keys to try, in R10 order. */
function scopeOf(command: Command, options: DecryptOptions): DecryptScope {
  return options.workflow === undefined
    ? { mode: 'any' }
    : { mode: 'workflow', workflowId: workflowIdArg(command, options.workflow) };
}

function destinationFor(
  ctx: CliContext,
  options: DecryptOptions,
  status: StatusLine,
  onFailure: () => void,
): Promise<DecryptDestination> | DecryptDestination {
  if (options.output !== undefined) {
    return exportFile(options.output, options.format ?? 'ndjson', options.includePlaintext === true, onFailure);
  }
  return options.json ? jsonLinesToStdout(ctx.io, onFailure) : readableToStdout(ctx.io, status, onFailure);
}

interface BatchRun {
  chunks: AsyncIterable<ChunkInput>;
  mode: OutputMode;
  onChunk: (output: ChunkOutput) => Promise<void>;
  options: BatchOptions;
}

/** Keys from a file: nothing is opened, recorded or needed from the keychain. */
function withKeys(keys: Buffer[], run: BatchRun): Promise<BatchSummary> {
  return runDecryptBatch(run.chunks, candidatesFromRawKeys(keys), run.mode, run.onChunk, run.options);
}

/** R10/R11 through the vault: the core tries the keys in order and records the batch once, even a cancelled one. */
function withVault(ctx: CliContext, scope: DecryptScope, run: BatchRun): Promise<BatchSummary> {
  return ctx.custody().decryptBatch(run.chunks, scope, run.mode, run.onChunk, run.options);
}

/** R11: a file of plaintext is on record before it is complete; if it cannot be recorded, it goes. */
async function recordPlaintextFile(
  ctx: CliContext,
  destination: DecryptDestination,
  path: string,
  format: ExportFormat,
  items: number,
): Promise<void> {
  try {
    await ctx.custody().recordPlaintextExport(path, format, items);
  } catch (error) {
    await destination.discard();
    throw error;
  }
}

export function registerDecryptCommand(program: Command, ctx: CliContext): void {
  program
    .command('decrypt')
    .description('decrypt captured secureFetch payloads: files, folders, NDJSON or HAR; none or - reads stdin')
    .argument('[inputs...]', 'payload files or folders, NDJSON or HAR files, or - for stdin')
    .option('--workflow <id>', "try this workflow's keys: the active key first, then inactive keys newest first")
    .option('--any', 'try every key of every workflow')
    .option('--key-file <file>', 'try the keys in this file (one per line, or - for stdin) without opening the vault')
    .option('--json', 'print one JSON object per item on stdout, plaintext included')
    .option('--ndjson', 'each input is NDJSON: one payload per line')
    .option('--field <name>', 'with --ndjson: the member of a JSON line that holds the payload (default: payload, then body)')
    .option('--har', 'each input is a HAR 1.2 file: decrypt its POST request bodies')
    .option(
      '--workers <n>',
      'worker threads for a batch of more than one chunk (256 items, 1 MB of payloads or 512 KB of NDJSON): default the number of cores; 0 decrypts on this thread only',
      workerCount,
    )
    .option('--output <file>', 'write the results to FILE (mode 0600) instead of stdout')
    .addOption(new Option('--format <format>', 'with --output: the file format (default: ndjson)').choices(EXPORT_FORMATS))
    .option('--include-plaintext', 'with --output: include the plaintext (the file then holds secrets)')
    .addHelpText('after', HELP_AFTER)
    .action(async (files: string[], options: DecryptOptions, command: Command) => {
      checkOptions(command, options);
      const scope = options.keyFile === undefined ? scopeOf(command, options) : null;
      const paths = files.length > 0 ? files : [STDIN];
      assertStdinReadOnce(command, [options.keyFile, passphraseFileOf(command), ...paths]);
      const kind: InputKind = options.ndjson ? 'ndjson' : options.har ? 'har' : 'raw';

      const keys = options.keyFile === undefined ? null : await readKeyFile(ctx.io, options.keyFile);
      const status = createStatusLine(ctx.io);
      const controller = new AbortController();
      let outputFailed = false;
      let interrupted = false;
      const stopOnOutputFailure = () => {
        outputFailed = true;
        controller.abort();
      };
      try {
        const destination = await destinationFor(ctx, options, status, stopOnOutputFailure);
        if (options.output !== undefined && options.includePlaintext) {
          status.message(
            `warning: ${options.output} will hold the decrypted plaintext, which is secret: keep it safe and delete it when done.\n`,
          );
        }
        const inputs = await decryptInputs(ctx.io, paths, kind, options.field, (folder, count) =>
          status.message(`${folder}: ${count} file${count === 1 ? '' : 's'}\n`),
        );
        const run: BatchRun = {
          chunks: untilAborted(inputs.chunks, controller.signal),
          mode: destination.mode,
          onChunk: (output) => destination.write(output),
          options: {
            signal: controller.signal,
            total: inputs.total,
            onProgress: (counts) => status.progress(counts),
            workers: { script: ctx.decryptWorker, count: options.workers ?? defaultWorkerCount() },
          },
        };
        const stopListening = ctx.io.onInterrupt(() => {
          interrupted = true;
          controller.abort();
          status.message('Stopping: finishing the items already started (Ctrl-C again to quit at once).\n');
        });
        let summary: BatchSummary;
        try {
          summary = scope ? await withVault(ctx, scope, run) : await withKeys(keys ?? [], run);
        } catch (error) {
          await destination.discard();
          throw error;
        } finally {
          stopListening();
        }
        if (scope && options.output !== undefined && options.includePlaintext) {
          await recordPlaintextFile(ctx, destination, resolve(options.output), options.format ?? 'ndjson', summary.decrypted);
        }
        await destination.finish();
        if (outputFailed) status.message('The output could not be written (was it closed?): the batch stopped.\n');
        status.message(summaryLine(summary, summary.cancelled));
        if (interrupted) ctx.markInterrupted();
        if (outputFailed || summary.decrypted < summary.done) ctx.markFailed();
      } finally {
        keys?.forEach((key) => key.fill(0));
      }
    });
}
