// Never log a passphrase: they come from a file or the terminal and go to the core, nowhere else.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import {
  assertPassphraseSource,
  currentPassphrase,
  newPassphrase,
  passphraseFileOf,
  readPassphraseFile,
} from '../passphrase-input';
import { assertStdinReadOnce } from '../stdin-use';

export function registerPassphraseCommand(program: Command, ctx: CliContext): void {
  const passphrase = program
    .command('passphrase')
    .description("set, change or remove the vault's passphrase: with one, opening the vault needs it as well as the OS keychain");

  passphrase
    .command('set')
    .description('set a passphrase on a vault that has none: asked twice on a terminal, or read from --passphrase-file')
    .action(async (_options: object, command: Command) => {
      const file = passphraseFileOf(command);
      assertPassphraseSource(ctx.io, command, file, '--passphrase-file');
      const custody = ctx.custody();
      const chosen =
        file === undefined
          ? await newPassphrase(ctx.io, undefined)
          : await readPassphraseFile(ctx.io, file, 'the new passphrase');
      await custody.setPassphrase(chosen);
      ctx.io.out(
        `Set the passphrase of the vault in ${custody.home}. Commands that open it now ask for it (or read --passphrase-file), ` +
          'and the app asks for it to unlock. Without it the vault cannot be opened: keep it safe.\n',
      );
    });

  passphrase
    .command('change')
    .description('change the passphrase: the current one from --passphrase-file or the terminal, the new one likewise')
    .option(
      '--new-passphrase-file <file>',
      'read the new passphrase from FILE, or - for stdin (otherwise asked twice on a terminal)',
    )
    .action(async (options: { newPassphraseFile?: string }, command: Command) => {
      const file = passphraseFileOf(command);
      assertStdinReadOnce(command, [file, options.newPassphraseFile]);
      assertPassphraseSource(ctx.io, command, file, '--passphrase-file');
      assertPassphraseSource(ctx.io, command, options.newPassphraseFile, '--new-passphrase-file');
      const custody = ctx.custody();
      const current = await currentPassphrase(ctx.io, file);
      // On a terminal, a mistyped current passphrase is said before the new one is typed twice.
      if (file === undefined) await custody.unlock(current);
      await custody.changePassphrase(current, await newPassphrase(ctx.io, options.newPassphraseFile));
      ctx.io.out(`Changed the passphrase of the vault in ${custody.home}; the old one no longer opens it.\n`);
    });

  passphrase
    .command('remove')
    .description(
      'remove the passphrase (the current one from --passphrase-file or the terminal): the OS keychain alone opens the vault again',
    )
    .action(async (_options: object, command: Command) => {
      const file = passphraseFileOf(command);
      assertPassphraseSource(ctx.io, command, file, '--passphrase-file');
      const custody = ctx.custody();
      await custody.removePassphrase(await currentPassphrase(ctx.io, file));
      ctx.io.out(
        `Removed the passphrase of the vault in ${custody.home}: anyone who can read your OS keychain and the vault file can open it now.\n`,
      );
    });
}
