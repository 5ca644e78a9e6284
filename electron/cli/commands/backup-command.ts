// Never log a passphrase: the backup's comes from its own file or the terminal, never argv or the environment.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { assertPassphraseSource, newPassphrase, passphraseFileOf } from '../passphrase-input';
import { assertStdinReadOnce } from '../stdin-use';

export const BACKUP_PASSPHRASE_OPTION = '--backup-passphrase-file';

export function registerBackupCommand(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .description(
      'write one file holding every workflow, key, setting and the audit log, sealed under a backup passphrase of its own (asked twice on a terminal)',
    )
    .requiredOption('-o, --output <file>', 'the backup file to write (an existing file is refused unless --force)')
    .option(
      `${BACKUP_PASSPHRASE_OPTION} <file>`,
      'read the backup passphrase from FILE, or - for stdin (never from the command line)',
    )
    .option('--force', 'replace FILE if it exists')
    .action(async (options: { output: string; backupPassphraseFile?: string; force?: boolean }, command: Command) => {
      const file = options.backupPassphraseFile;
      assertStdinReadOnce(command, [passphraseFileOf(command), file]);
      assertPassphraseSource(ctx.io, command, file, BACKUP_PASSPHRASE_OPTION);
      const custody = ctx.custody();
      // The vault is opened first, so its own passphrase (when it has one) is asked before the backup's.
      const before = await custody.backupStatus();
      const passphrase = await newPassphrase(ctx.io, file, 'Backup passphrase');
      const written = await custody.backup(resolve(options.output), passphrase, { overwrite: options.force === true });
      const since = before.lastBackupAt ? ` The previous backup was made at ${before.lastBackupAt}.` : '';
      ctx.io.out(
        `Backed up the vault in ${custody.home} to ${written.path}: ${written.workflows} workflow(s), ${written.keys} key(s), ` +
          `made at ${written.createdAt}.${since} Keep the file and its passphrase apart; without the passphrase it cannot be restored.\n`,
      );
    });
}
