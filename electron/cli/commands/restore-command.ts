// Never log a passphrase: the backup's comes from its own file or the terminal, never argv or the environment.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { BackupInfo } from '../../../shared/domain';
import type { CliContext } from '../cli-context';
import { confirmDestructive } from '../confirm';
import { assertPassphraseSource, askPassphrase, passphraseFileOf, readPassphraseFile } from '../passphrase-input';
import { assertStdinReadOnce } from '../stdin-use';
import { BACKUP_PASSPHRASE_OPTION } from './backup-command';

function describe(info: BackupInfo): string {
  return `the backup made at ${info.createdAt} of vault ${info.vaultId} (${info.workflows} workflow(s), ${info.keys} key(s))`;
}

export function registerRestoreCommand(program: Command, ctx: CliContext): void {
  program
    .command('restore')
    .description(
      'replace the vault with a backup, once the whole file is checked; an existing vault is first copied into a dated folder beside it',
    )
    .argument('<file>', 'the backup file')
    .option(
      `${BACKUP_PASSPHRASE_OPTION} <file>`,
      'read the backup passphrase from FILE, or - for stdin (never from the command line)',
    )
    .option('--dry-run', 'say what the backup holds (its header, readable without the passphrase) and change nothing')
    .option('--yes', 'do not ask before replacing an existing vault (required when not on a terminal)')
    .action(
      async (
        backupFile: string,
        options: { backupPassphraseFile?: string; dryRun?: boolean; yes?: boolean },
        command: Command,
      ) => {
        const custody = ctx.custody();
        const path = resolve(backupFile);
        const info = await custody.inspectBackup(path);
        if (options.dryRun) {
          ctx.io.out(
            `${path} is ${describe(info)}. Nothing was changed; restoring checks its passphrase and content before writing anything.\n`,
          );
          return;
        }
        const file = options.backupPassphraseFile;
        assertStdinReadOnce(command, [passphraseFileOf(command), file]);
        assertPassphraseSource(ctx.io, command, file, BACKUP_PASSPHRASE_OPTION);
        // Into an empty home (a new machine, or a vault file that is gone) there is nothing to confirm.
        if (await custody.store.exists()) {
          await confirmDestructive(
            ctx,
            command,
            options.yes,
            async () =>
              `Replace the vault in ${custody.home} with ${describe(info)}? Its current files are first copied into a dated folder beside them.`,
          );
        }
        const passphrase =
          file === undefined
            ? await askPassphrase(ctx.io, 'Backup passphrase: ')
            : await readPassphraseFile(ctx.io, file, 'the backup passphrase');
        const done = await custody.restore(path, passphrase);
        const aside = done.setAsideIn ? ` The vault it replaced is in ${done.setAsideIn}.` : '';
        const purged = done.purged > 0 ? ` ${done.purged} key(s) whose deletion date had passed were purged.` : '';
        ctx.io.out(
          `Restored the vault in ${custody.home} from ${describe(done.backup)}; its audit log verifies.${aside}${purged} ` +
            'It opens with this computer\'s OS keychain alone: set a passphrase with "custody passphrase set" if you want one.\n',
        );
      },
    );
}
