import type { Command } from 'commander';
import type { CliContext } from './cli-context';
import { usageOf } from './cli-usage';
import { Cancelled, UsageError } from './exit-codes';

/**
 * R9 for the command line: a destructive command asks on a terminal, and otherwise needs --yes.
 * Without either it stops before opening the vault, so nothing changes. `question` returns null
 * when there is nothing to confirm (the thing to change does not exist).
 */
export async function confirmDestructive(
  ctx: CliContext,
  command: Command,
  yes: boolean | undefined,
  question: () => Promise<string | null>,
): Promise<void> {
  if (yes) return;
  if (!ctx.io.interactive) {
    throw new UsageError(
      'this command changes the vault and needs confirmation: run it in a terminal, or add --yes. Nothing was changed.',
      usageOf(command),
    );
  }
  const text = await question();
  if (text === null) return;
  const answer = await ctx.io.ask(`${text} [y/N] `);
  if (!/^\s*y(es)?\s*$/i.test(answer)) throw new Cancelled();
}
