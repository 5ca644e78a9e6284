import { toErrorShape } from '../custody';
import { type CliEnvironment, createCliContext } from './cli-context';
import type { CliIo } from './cli-io';
import { buildProgram } from './cli-program';
import { Cancelled, EXIT_FAILED, EXIT_USAGE, HelpShown, UsageError } from './exit-codes';
import { printable } from './printable';

/** Every way a command can end, as an exit status (exit-codes.ts) and one message on stderr. */
function report(error: unknown, io: CliIo): number {
  if (error instanceof HelpShown) return error.exitCode;
  if (error instanceof UsageError) {
    io.err(`error: ${error.message}\n${error.usage}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof Cancelled) {
    io.err(`${error.message}\n`);
    return EXIT_FAILED;
  }
  // Anything not a CustodyError becomes INTERNAL without its message, which could quote input.
  const shape = toErrorShape(error);
  io.err(`error ${shape.code}: ${printable(shape.message)}\n`);
  return EXIT_FAILED;
}

export async function runCli(argv: readonly string[], io: CliIo, environment: CliEnvironment): Promise<number> {
  const ctx = createCliContext(io, environment);
  try {
    await buildProgram(ctx).parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return report(error, io);
  } finally {
    ctx.close();
  }
}
