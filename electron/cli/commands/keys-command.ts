// Never log key material: `keys add` prints the new value once, to stdout, and nowhere else.
import type { Command } from 'commander';
import type { KeyInfo } from '../../../shared/domain';
import { type Custody, formatKey } from '../../custody';
import type { CliContext } from '../cli-context';
import { keyIdArg, labelArg, usageOf, workflowIdArg } from '../cli-usage';
import { confirmDestructive } from '../confirm';
import { UsageError } from '../exit-codes';
import { describeKey } from '../key-description';
import { readSingleKey } from '../key-file';
import { passphraseFileOf } from '../passphrase-input';
import { assertStdinReadOnce } from '../stdin-use';
import { jsonDocument, shortTime, textTable } from '../text-table';

function keyTable(keys: readonly KeyInfo[]): string {
  return textTable(
    ['id', 'status', 'label', 'fingerprint', 'origin', 'created', 'last matched', 'deletion scheduled for'],
    keys.map((k) => [
      k.id,
      k.status,
      k.label || '-',
      k.fingerprint,
      k.origin,
      shortTime(k.createdAt),
      shortTime(k.lastMatchedAt),
      shortTime(k.deletionScheduledFor),
    ]),
  );
}

function statusNote(key: KeyInfo): string {
  return key.status === 'active'
    ? 'It is the active key (the workflow had no other key).'
    : `It is inactive; make it the workflow's key with: custody keys activate ${key.workflowId} ${key.id}`;
}

type Lifecycle = 'activate' | 'deactivate' | 'delete';

const DAY_MS = 24 * 60 * 60 * 1000;

function days(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

function cancelHint(workflowId: string, keyId: string): string {
  return `Cancel with: custody keys cancel-deletion ${workflowId} ${keyId}`;
}

/** R13: what `keys delete` did — scheduled (and when), or deleted at once with a period of 0. */
function deletionReport(key: KeyInfo): string {
  if (key.deletionScheduledFor === null) {
    return `Deleted ${describeKey(key)} from workflow ${key.workflowId}; the audit log keeps its id and fingerprint.`;
  }
  const inDays = Math.max(0, Math.round((Date.parse(key.deletionScheduledFor) - Date.now()) / DAY_MS));
  return (
    `Deletion scheduled for ${shortTime(key.deletionScheduledFor)} (in ${days(inDays)}): ${describeKey(key)} stays in ` +
    `workflow ${key.workflowId} until then, and cannot be activated or decrypt anything. ${cancelHint(key.workflowId, key.id)}`
  );
}

/**
 * The confirmation question, naming the key and the consequence. It is asked even when the core
 * will refuse the operation: whether it may happen is the core's decision alone (R9).
 */
async function questionFor(custody: Custody, action: Lifecycle, workflowId: string, keyId: string): Promise<string | null> {
  const keys = await custody.listKeys(workflowId);
  const key = keys.find((k) => k.id === keyId);
  // No such key: the core answers NOT_FOUND and there is nothing to confirm.
  if (!key) return null;
  const named = `key ${describeKey(key)}, ${key.status}, of workflow ${workflowId}`;
  if (action === 'activate') {
    const previous = keys.find((k) => k.status === 'active' && k.id !== key.id);
    const consequence = previous
      ? `The active key ${describeKey(previous)} becomes inactive.`
      : 'The workflow has no other active key.';
    return `Activate ${named}? Payloads are then expected to be sealed with it. ${consequence}`;
  }
  if (action === 'deactivate') return `Deactivate ${named}? The workflow will have no active key until you activate one.`;
  const { deletionWaitDays } = await custody.settings();
  const when =
    deletionWaitDays === 0
      ? 'at once'
      : `in ${days(deletionWaitDays)} (on ${shortTime(new Date(Date.now() + deletionWaitDays * DAY_MS).toISOString())}); you can cancel until then`;
  return `Delete ${named}? Its material leaves the vault ${when}: payloads sealed with it can no longer be decrypted here.`;
}

const PERFORM: Record<Lifecycle, (custody: Custody, workflowId: string, keyId: string) => Promise<KeyInfo>> = {
  activate: (c, w, k) => c.activateKey(w, k),
  deactivate: (c, w, k) => c.deactivateKey(w, k),
  delete: (c, w, k) => c.deleteKey(w, k),
};

const REPORT: Record<Lifecycle, (key: KeyInfo) => string> = {
  activate: (key) =>
    `Activated ${describeKey(key)}: it is now the active key of ${key.workflowId}; any previous active key is inactive.`,
  deactivate: (key) => `Deactivated ${describeKey(key)}: workflow ${key.workflowId} has no active key.`,
  delete: deletionReport,
};

const DESCRIPTION: Record<Lifecycle, string> = {
  activate: 'make an inactive key the active one (the current active key becomes inactive)',
  deactivate: 'deactivate the active key (the workflow then has no active key)',
  delete: "delete an inactive key after the vault's waiting period (the active key cannot be deleted)",
};

export function registerKeysCommand(program: Command, ctx: CliContext): void {
  const keys = program.command('keys').description("manage a workflow's encryption keys");

  keys
    .command('list')
    .description("list a workflow's keys, active first (never their values)")
    .argument('<workflow>', 'the workflow id')
    .option('--json', 'print a JSON array')
    .action(async (workflow: string, options: { json?: boolean }, command: Command) => {
      const list = await ctx.custody().listKeys(workflowIdArg(command, workflow));
      if (options.json) ctx.io.out(jsonDocument(list));
      else if (list.length === 0) ctx.io.err(`Workflow ${workflow} has no keys. Add one with: custody keys add ${workflow}\n`);
      else ctx.io.out(keyTable(list));
    });

  keys
    .command('add')
    .description(
      'generate a key; its value is printed once, alone on stdout (redirect it to a file, or pass --reveal to show it on a terminal), and can never be shown again',
    )
    .argument('<workflow>', 'the workflow id')
    .option('--label <label>', 'a label to recognise the key by')
    .option('--reveal', 'print the value even though stdout is a terminal (where it stays in the scrollback)')
    .action(async (workflow: string, options: { label?: string; reveal?: boolean }, command: Command) => {
      const workflowId = workflowIdArg(command, workflow);
      const label = options.label === undefined ? undefined : labelArg(command, options.label);
      // Refused before the key exists: a key nobody holds would only be deleted again.
      if (ctx.io.stdoutIsTerminal && !options.reveal) {
        throw new UsageError(
          `the new key would be printed on this terminal. No key was created. Redirect it to a file (custody keys add ${workflowId} > key.txt) or pass --reveal to show it here`,
          usageOf(command),
        );
      }
      const { key, value } = await ctx.custody().addKey(workflowId, { label });
      ctx.io.out(`${value}\n`);
      ctx.io.err(`Added ${describeKey(key)} to workflow ${workflowId}. ${statusNote(key)}\n`);
      ctx.io.err('Copy the value now: it cannot be viewed again.\n');
    });

  keys
    .command('import')
    .description('import a key copied from the Kinde dashboard, from a file or stdin (never from the command line)')
    .argument('<workflow>', 'the workflow id')
    .requiredOption('--key-file <file>', 'file holding the key, or - for stdin')
    .option('--label <label>', 'a label to recognise the key by')
    .action(async (workflow: string, options: { keyFile: string; label?: string }, command: Command) => {
      const workflowId = workflowIdArg(command, workflow);
      const label = options.label === undefined ? undefined : labelArg(command, options.label);
      assertStdinReadOnce(command, [options.keyFile, passphraseFileOf(command)]);
      const material = await readSingleKey(ctx.io, options.keyFile);
      let key: KeyInfo;
      try {
        key = await ctx.custody().importKey(workflowId, formatKey(material), { label });
      } finally {
        material.fill(0);
      }
      ctx.io.out(`Imported ${describeKey(key)} into workflow ${workflowId}. ${statusNote(key)}\n`);
    });

  for (const action of ['activate', 'deactivate', 'delete'] as const) {
    keys
      .command(action)
      .description(DESCRIPTION[action])
      .argument('<workflow>', 'the workflow id')
      .argument('<key-id>', 'the key id, as shown by custody keys list')
      .option('--yes', 'do not ask for confirmation (required when not on a terminal)')
      .action(async (workflow: string, keyIdText: string, options: { yes?: boolean }, command: Command) => {
        const workflowId = workflowIdArg(command, workflow);
        const keyId = keyIdArg(command, keyIdText);
        const custody = ctx.custody();
        await confirmDestructive(ctx, command, options.yes, () => questionFor(custody, action, workflowId, keyId));
        ctx.io.out(`${REPORT[action](await PERFORM[action](custody, workflowId, keyId))}\n`);
      });
  }

  keys
    .command('cancel-deletion')
    .description('cancel the scheduled deletion of a key; it stays in the vault, inactive')
    .argument('<workflow>', 'the workflow id')
    .argument('<key-id>', 'the key id, as shown by custody keys list')
    .action(async (workflow: string, keyIdText: string, _options: object, command: Command) => {
      const key = await ctx.custody().cancelDeletion(workflowIdArg(command, workflow), keyIdArg(command, keyIdText));
      ctx.io.out(
        `Cancelled the deletion of ${describeKey(key)}: it stays in workflow ${key.workflowId}, inactive. ` +
          `Make it the workflow's key with: custody keys activate ${key.workflowId} ${key.id}\n`,
      );
    });
}
