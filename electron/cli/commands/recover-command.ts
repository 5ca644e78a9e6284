import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { confirmDestructive } from '../confirm';
import { usageOf } from '../cli-usage';
import { UsageError } from '../exit-codes';

export function registerRecoverCommand(program: Command, ctx: CliContext): void {
  program
    .command('recover')
    .description('open a vault file older than the OS keychain recorded (VAULT_ROLLED_BACK) as it is, with --accept-rollback')
    .option(
      '--accept-rollback',
      'accept a vault file older than the OS keychain recorded: changes made since are undone for good; audited with both generations',
    )
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (options: { acceptRollback?: boolean; yes?: boolean }, command: Command) => {
      if (!options.acceptRollback) throw new UsageError('say what to recover: --accept-rollback', usageOf(command));
      const custody = ctx.custody();
      await confirmDestructive(
        ctx,
        command,
        options.yes,
        async () =>
          `Accept the vault file in ${custody.home} as it is? Changes made after it was written (new, rotated or deleted keys, ` +
          'workflows, settings) stay undone.',
      );
      const { acceptedGeneration, recordedGeneration } = await custody.acceptRollback();
      ctx.io.out(
        `Accepted the older vault in ${custody.home}: content generation ${acceptedGeneration} over ${recordedGeneration}, ` +
          'the one the OS keychain had recorded. The audit log records it; a copy of the newer vault file is now the older one.\n',
      );
    });
}
