// Key material and plaintext pass through here: never log either.
import type { Command } from 'commander';
import type { DecryptItemResult, DecryptScope } from '../../../shared/domain';
import { candidatesFromRawKeys, decryptItem } from '../../custody/payload-decryptor';
import type { CliContext } from '../cli-context';
import { usageOf, workflowIdArg } from '../cli-usage';
import { decryptJsonLine, decryptReport } from '../decrypt-output';
import { UsageError } from '../exit-codes';
import { STDIN } from '../input-source';
import { readKeyFile } from '../key-file';
import { readPayloadInputs } from '../payload-inputs';
import { assertStdinReadOnce } from '../stdin-use';

interface DecryptOptions {
  workflow?: string;
  any?: boolean;
  keyFile?: string;
  json?: boolean;
}

/** Keys from a file: nothing is opened, recorded or needed from the keychain. */
async function withKeyFile(ctx: CliContext, keyFile: string, paths: readonly string[]): Promise<DecryptItemResult[]> {
  const keys = await readKeyFile(ctx.io, keyFile);
  try {
    const candidates = candidatesFromRawKeys(keys);
    const inputs = await readPayloadInputs(ctx.io, paths);
    return inputs.map((input) => ('text' in input ? decryptItem(input.source, input.text, candidates) : { ok: false, ...input }));
  } finally {
    keys.forEach((key) => key.fill(0));
  }
}

/** R10/R11 through the vault: the core tries the keys in order and records the batch. */
async function withVault(ctx: CliContext, scope: DecryptScope, paths: readonly string[]): Promise<DecryptItemResult[]> {
  const inputs = await readPayloadInputs(ctx.io, paths);
  const readable = inputs.flatMap((input) => ('text' in input ? [input] : []));
  const decrypted = await ctx.custody().decrypt(readable, scope);
  let next = 0;
  return inputs.map((input) => ('text' in input ? decrypted[next++] : { ok: false, ...input }));
}

/** --workflow W or --any: the keys to try, in R10 order. */
function scopeOf(command: Command, options: DecryptOptions): DecryptScope {
  return options.workflow === undefined
    ? { mode: 'any' }
    : { mode: 'workflow', workflowId: workflowIdArg(command, options.workflow) };
}

export function registerDecryptCommand(program: Command, ctx: CliContext): void {
  program
    .command('decrypt')
    .description('decrypt captured secureFetch payloads; each FILE is one payload, none or - reads stdin')
    .argument('[files...]', 'payload files, or - for stdin')
    .option('--workflow <id>', "try this workflow's keys: the active key first, then inactive keys newest first")
    .option('--any', 'try every key of every workflow')
    .option('--key-file <file>', 'try the keys in this file (one per line, or - for stdin) without opening the vault')
    .option('--json', 'print one JSON object per input')
    .action(async (files: string[], options: DecryptOptions, command: Command) => {
      const chosen = [options.workflow !== undefined, options.any === true, options.keyFile !== undefined].filter(Boolean).length;
      if (chosen !== 1) throw new UsageError('choose exactly one of --workflow ID, --any or --key-file FILE', usageOf(command));
      const paths = files.length > 0 ? files : [STDIN];
      assertStdinReadOnce(command, [options.keyFile, ...paths]);
      const results =
        options.keyFile === undefined
          ? await withVault(ctx, scopeOf(command, options), paths)
          : await withKeyFile(ctx, options.keyFile, paths);

      for (const result of results) {
        if (!result.ok) ctx.markFailed();
        if (options.json) {
          ctx.io.out(decryptJsonLine(result));
        } else {
          const report = decryptReport(result);
          ctx.io.err(report.err);
          ctx.io.out(report.out);
        }
      }
    });
}
