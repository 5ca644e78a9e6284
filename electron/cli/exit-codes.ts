/** Exit status: 0 success, 1 an operation failed (stderr names the error code), 2 usage. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
/** Stopped by Ctrl-C (SIGINT), as shells report it: 128 + 2. */
export const EXIT_INTERRUPTED = 130;

/**
 * Bad arguments: the command could not even be attempted. Carries the usage line of the command
 * that was misused so the person sees how to call it.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The person answered "no" at a confirmation prompt: nothing was attempted. */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled: nothing was changed.');
    this.name = 'Cancelled';
  }
}

/** Help or the version was printed and commander stopped: exit 0 when asked for, 2 when a command was missing. */
export class HelpShown extends Error {
  constructor(readonly exitCode: number) {
    super('help shown');
    this.name = 'HelpShown';
  }
}
