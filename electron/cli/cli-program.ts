import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import type { CliContext } from './cli-context';
import { usageOf } from './cli-usage';
import { registerAuditCommand } from './commands/audit-command';
import { registerBackupCommand } from './commands/backup-command';
import { registerDecryptCommand } from './commands/decrypt-command';
import { registerEncryptCommand } from './commands/encrypt-command';
import { registerFingerprintCommand } from './commands/fingerprint-command';
import { registerInitCommand } from './commands/init-command';
import { registerKeysCommand } from './commands/keys-command';
import { registerPassphraseCommand } from './commands/passphrase-command';
import { registerRestoreCommand } from './commands/restore-command';
import { registerRecoverCommand } from './commands/recover-command';
import { registerSettingsCommand } from './commands/settings-command';
import { registerSnippetCommand } from './commands/snippet-command';
import { registerWorkflowsCommand } from './commands/workflows-command';
import { EXIT_OK, EXIT_USAGE, HelpShown, UsageError } from './exit-codes';
import { passphraseFileOf } from './passphrase-input';

const EXAMPLES = `
Key values are never taken from the command line: only from a file or stdin (-).
A backup has its own passphrase: asked on the terminal (twice for a backup), or read from --backup-passphrase-file FILE|-.
A vault with a passphrase asks for it on the terminal (without echo), or reads it from --passphrase-file FILE|-;
never from the command line or the environment.
Exit status: 0 success, 1 an operation failed (stderr names the error code), 2 usage.
The vault is in CUSTODY_HOME if set, otherwise the app's folder; CUSTODY_KEYCHAIN_SERVICE names the keychain item.

Examples:
  custody init
  custody workflows add onUserTokenGeneration --name "Token generation"
  custody keys add onUserTokenGeneration --label 2026-q1 > new-key.txt
  custody keys import onUserTokenGeneration --key-file dashboard-key.txt
  custody keys activate onUserTokenGeneration k_0123456789abcdef --yes
  custody decrypt --workflow onUserTokenGeneration captured-body.txt
  pbpaste | custody decrypt --any --json
  custody decrypt --key-file keys.txt --ndjson --json captures.ndjson
  custody snippet node
  custody fingerprint --key-file - < deployed-key.txt
  custody audit --verify
  custody passphrase set
  custody --passphrase-file ~/.custody-passphrase keys list onUserTokenGeneration
  custody settings set idleMinutes 10
  custody backup --output ~/vault-2026-12-05.backup
  custody restore --dry-run ~/vault-2026-12-05.backup
  custody restore ~/vault-2026-12-05.backup --backup-passphrase-file -
  custody recover --accept-rollback      (a vault file older than the keychain recorded: VAULT_ROLLED_BACK)
  custody init --new                     (the vault file is gone: VAULT_MISSING; discards the old key)
`;

/**
 * Commander reports misuse through the failing command's exit callback; turning it into a
 * UsageError there keeps that command's usage line, and keeps commander from calling process.exit.
 */
function routeErrors(command: Command): void {
  command.exitOverride((error: CommanderError) => {
    // Help asked for exits 0; help shown because a command was missing is a usage error.
    if (['commander.help', 'commander.helpDisplayed', 'commander.version'].includes(error.code)) {
      throw new HelpShown(error.exitCode === 0 ? EXIT_OK : EXIT_USAGE);
    }
    throw new UsageError(error.message.replace(/^error: /, ''), usageOf(command));
  });
  command.commands.forEach(routeErrors);
}

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('custody')
    .description(
      'Workflow Key Custody: keep Kinde workflow encryption keys offline, sealed by the OS keychain, and decrypt captured secureFetch payloads.',
    )
    .version(version, '-V, --version')
    .configureOutput({
      writeOut: (text) => ctx.io.out(text),
      writeErr: (text) => ctx.io.err(text),
      // Usage errors are printed with the usage line by the runner, in one place.
      outputError: () => undefined,
    })
    .showSuggestionAfterError(true)
    .option(
      '--passphrase-file <file>',
      "read the vault's passphrase from FILE, or - for stdin (otherwise it is asked on the terminal when the vault has one)",
    )
    .addHelpText('after', EXAMPLES)
    .hook('preAction', async (_program, command) => {
      ctx.usePassphraseFile(passphraseFileOf(command));
      // Windows: a vault still in the roaming profile moves to the local one before any command runs.
      await ctx.custody().relocateRoamingVault();
    });

  registerInitCommand(program, ctx);
  registerWorkflowsCommand(program, ctx);
  registerKeysCommand(program, ctx);
  registerDecryptCommand(program, ctx);
  registerEncryptCommand(program, ctx);
  registerSnippetCommand(program, ctx);
  registerAuditCommand(program, ctx);
  registerFingerprintCommand(program, ctx);
  registerPassphraseCommand(program, ctx);
  registerSettingsCommand(program, ctx);
  registerBackupCommand(program, ctx);
  registerRestoreCommand(program, ctx);
  registerRecoverCommand(program, ctx);
  routeErrors(program);
  return program;
}
