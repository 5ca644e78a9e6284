import type { Command } from 'commander';
import type { CliContext } from '../cli-context';

export function registerInitCommand(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('create the vault, sealed by a new key in the OS keychain')
    .action(async () => {
      const custody = ctx.custody();
      await custody.init();
      ctx.io.out(`Created a vault in ${custody.home}. Its key is in the OS keychain; back up vault.json with the keychain.\n`);
    });
}
