import type { Command } from 'commander';
import { usageOf } from './cli-usage';
import { UsageError } from './exit-codes';
import { STDIN } from './input-source';

/** Standard input can be read once: only one of the keys or the payloads may come from `-`. */
export function assertStdinReadOnce(command: Command, sources: readonly (string | undefined)[]): void {
  if (sources.filter((s) => s === STDIN).length > 1) {
    throw new UsageError(
      'standard input (-) can be read only once: give all but one of the keys, passphrases or input as files',
      usageOf(command),
    );
  }
}
