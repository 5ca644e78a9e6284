import type { Command } from 'commander';
import type { NewVault } from '../../custody';
import type { CliContext } from '../cli-context';
import { confirmDestructive } from '../confirm';

/** R17: what `init --new` discarded, said before anything else. */
function discardReport({ discarded, secretReplaced }: NewVault, service: string): string {
  if (discarded === null) return 'Nothing was discarded: the OS keychain recorded no vault in this folder.\n';
  const what =
    discarded.vaults.length === 0
      ? 'the key of the vault last kept here (an item of the first format, which names no vault)'
      : discarded.vaults.map((v) => `the key of vault ${v.vaultId} (content generation ${v.generation})`).join(', ');
  const secret = secretReplaced
    ? 'The keychain item now holds a new key; a copy of the old vault file can no longer be opened.'
    : `The keychain secret itself was kept: ${discarded.othersKept} other vault(s) on keychain service "${service}" still use it; only this folder's record was discarded.`;
  return `Discarded ${what}. ${secret}\n`;
}

export function registerInitCommand(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('create the vault, sealed by a new key in the OS keychain')
    .option(
      '--new',
      'start over where the vault file is missing (VAULT_MISSING): discards the old vault key in the OS keychain, then creates a new, empty vault',
    )
    .option('-y, --yes', 'with --new: do not ask for confirmation')
    .action(async (options: { new?: boolean; yes?: boolean }, command: Command) => {
      const custody = ctx.custody();
      if (!options.new) {
        await custody.init();
        ctx.io.out(`Created a vault in ${custody.home}. Its key is in the OS keychain; back up vault.json with the keychain.\n`);
        return;
      }
      await confirmDestructive(
        ctx,
        command,
        options.yes,
        async () =>
          `Discard the old vault key in the OS keychain and start a new, empty vault in ${custody.home}? ` +
          'A copy of the old vault file could then never be opened.',
      );
      const created = await custody.startNewVault();
      ctx.io.out(discardReport(created, custody.keychainService));
      if (created.auditLogSetAside) ctx.io.out(`The old audit log was kept as ${created.auditLogSetAside}.\n`);
      ctx.io.out(`Created a new, empty vault in ${custody.home}. Its key is in the OS keychain.\n`);
    });
}
