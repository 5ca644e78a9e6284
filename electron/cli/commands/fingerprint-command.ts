// Key material passes through here: only fingerprints are printed.
import type { Command } from 'commander';
import { fingerprintOf } from '../../custody';
import type { CliContext } from '../cli-context';
import { readKeyFile } from '../key-file';
import { jsonDocument } from '../text-table';

export function registerFingerprintCommand(program: Command, ctx: CliContext): void {
  program
    .command('fingerprint')
    .description('print the fingerprint of each key in a file (R2), to match a key with the one deployed, revealing neither')
    .requiredOption('--key-file <file>', 'file with one key per line, or - for stdin')
    .option('--json', 'print a JSON array')
    .action(async (options: { keyFile: string; json?: boolean }) => {
      const keys = await readKeyFile(ctx.io, options.keyFile);
      const fingerprints = keys.map((key) => fingerprintOf(key));
      keys.forEach((key) => key.fill(0));
      ctx.io.out(
        options.json
          ? jsonDocument(fingerprints.map((fingerprint, index) => ({ index, fingerprint })))
          : fingerprints.map((f) => `${f}\n`).join(''),
      );
    });
}
