// Key material and plaintext pass through here: never log either.
import type { Command } from 'commander';
import { fingerprintOf, sealPayload } from '../../custody';
import type { CliContext } from '../cli-context';
import { usageOf, workflowIdArg } from '../cli-usage';
import { UsageError } from '../exit-codes';
import { STDIN, readSource } from '../input-source';
import { describeKey } from '../key-description';
import { readSingleKey } from '../key-file';
import { passphraseFileOf } from '../passphrase-input';
import { assertStdinReadOnce } from '../stdin-use';

interface EncryptOptions {
  workflow?: string;
  keyFile?: string;
}

export function registerEncryptCommand(program: Command, ctx: CliContext): void {
  program
    .command('encrypt')
    .description('seal FILE (or stdin) as secureFetch would, to test a receiver: nonce-tag-ciphertext, base64url, on stdout')
    .argument('[file]', 'the body to seal, or - for stdin')
    .option(
      '--workflow <id>',
      "seal with this workflow's active key; recorded in the audit log (the key and the byte count, never the text)",
    )
    .option(
      '--key-file <file>',
      'seal with the one key in this file (or - for stdin) without opening the vault, so nothing is recorded in the audit log',
    )
    .action(async (file: string | undefined, options: EncryptOptions, command: Command) => {
      if ((options.workflow === undefined) === (options.keyFile === undefined)) {
        throw new UsageError('choose exactly one of --workflow ID or --key-file FILE', usageOf(command));
      }
      const input = file ?? STDIN;
      assertStdinReadOnce(command, [options.keyFile, passphraseFileOf(command), input]);

      if (options.keyFile !== undefined) {
        const key = await readSingleKey(ctx.io, options.keyFile);
        try {
          const plaintext = await readSource(ctx.io, input, 'the body to seal');
          ctx.io.out(`${sealPayload(plaintext, key)}\n`);
          ctx.io.err(
            `Sealed ${plaintext.length} bytes with the key of fingerprint ${fingerprintOf(key)}, layout nonce-tag-ciphertext.\n`,
          );
        } finally {
          key.fill(0);
        }
        return;
      }
      const workflowId = workflowIdArg(command, options.workflow ?? '');
      const plaintext = await readSource(ctx.io, input, 'the body to seal');
      const sealed = await ctx.custody().encrypt(workflowId, plaintext);
      ctx.io.out(`${sealed.payload}\n`);
      ctx.io.err(
        `Sealed ${plaintext.length} bytes with ${describeKey(sealed.key)}, the active key of ${workflowId}, layout nonce-tag-ciphertext.\n`,
      );
    });
}
