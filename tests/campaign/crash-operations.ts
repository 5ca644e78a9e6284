/**
 * The writes the crash campaign kills, one entry each in CRASH_OPERATIONS: what to run against the
 * vault as it stands, which facts it may change, and what must be true once the CLI exited 0.
 * Adding an operation (backup, restore…) is one more entry.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Random } from './random';
import {
  SETTING_FACT_PREFIX,
  type VaultView,
  type ViewKey,
  keyFactPrefix,
  unrelatedDifferences,
  workflowFact,
} from './vault-view';

export interface CrashContext {
  random: Random;
  /** Index of the passphrase file that opens the vault, or null when it has none. */
  passphrase: number | null;
  /** A number never used before, for fresh workflow ids. */
  serial: number;
  /** The folder for backup files, and the last backup the CLI acknowledged with what the vault held then. */
  scratch: string;
  lastBackup: { path: string; view: VaultView } | null;
}

export interface PlannedWrite {
  label: string;
  /** CLI arguments, without the vault passphrase (the campaign adds it when one is set). */
  args: string[];
  input?: string;
  /** A passphrase operation names its passphrase files itself. */
  ownsPassphrase?: boolean;
  /** The passphrase that opens the vault once this write is acknowledged (passphrase operations). */
  passphraseAfter?: number | null;
  mayChange(fact: string): boolean;
  /** Once the CLI exited 0: null when the change is in the vault, else what is missing. */
  acknowledged(after: VaultView): string | null;
  /** Once the CLI exited 0: what the campaign remembers of it (a backup file). */
  remember?(context: CrashContext): void;
}

export interface CrashOperation {
  name: string;
  /** null when the operation does not apply to this vault (no inactive key to delete…). */
  plan(view: VaultView, context: CrashContext): PlannedWrite | null;
}

const MAX_WORKFLOWS = 6;
const MAX_KEYS = 5;

function keysWhere(view: VaultView, test: (key: ViewKey) => boolean): { workflowId: string; key: ViewKey }[] {
  return [...view.workflows].flatMap(([workflowId, keys]) => keys.filter(test).map((key) => ({ workflowId, key })));
}

function keyOf(view: VaultView, workflowId: string, fingerprint: string): ViewKey | undefined {
  return view.workflows.get(workflowId)?.find((k) => k.fingerprint === fingerprint);
}

const inWorkflow = (workflowId: string) => (fact: string) =>
  fact === workflowFact(workflowId) || fact.startsWith(keyFactPrefix(workflowId));

/** A key operation on one chosen key; `holds` is what the acknowledged change leaves true of it. */
function keyOperation(
  name: string,
  command: string,
  eligible: (key: ViewKey) => boolean,
  holds: (key: ViewKey | undefined, view: VaultView, before: VaultView) => boolean,
  extraArgs: string[] = ['--yes'],
): CrashOperation {
  return {
    name,
    plan(view, { random }) {
      const candidates = keysWhere(view, eligible);
      if (candidates.length === 0) return null;
      const { workflowId, key } = random.pick(candidates);
      return {
        label: `${name} ${workflowId} ${key.fingerprint}`,
        args: ['keys', command, workflowId, key.id, ...extraArgs],
        mayChange: (fact) => fact.startsWith(keyFactPrefix(workflowId)),
        acknowledged: (after) =>
          holds(keyOf(after, workflowId, key.fingerprint), after, view)
            ? null
            : `${name} of ${key.fingerprint} is not in the vault`,
      };
    },
  };
}

/** A new key (made or imported) in a workflow with room for it; acknowledged, the workflow has one key more. */
function newKeyOperation(name: string, command: (workflowId: string) => { args: string[]; input?: string }): CrashOperation {
  return {
    name,
    plan(view, { random }) {
      const roomy = [...view.workflows].filter(([, keys]) => keys.length < MAX_KEYS);
      if (roomy.length === 0) return null;
      const [id, keys] = random.pick(roomy);
      return {
        label: `${name} ${id}`,
        ...command(id),
        mayChange: (fact) => fact.startsWith(keyFactPrefix(id)),
        acknowledged: (after) =>
          (after.workflows.get(id)?.length ?? 0) === keys.length + 1 ? null : `the key of ${name} ${id} is missing`,
      };
    },
  };
}

const passphraseOp = (
  name: string,
  applies: (current: number | null) => boolean,
  argsFor: (current: number | null, next: number | null, files: (index: number) => string) => string[],
  nextOf: (current: number | null) => number | null,
): CrashOperation => ({
  name,
  plan(view, { passphrase }) {
    if (!applies(passphrase)) return null;
    const next = nextOf(passphrase);
    return {
      label: name,
      args: argsFor(passphrase, next, passphraseFileToken),
      ownsPassphrase: true,
      passphraseAfter: next,
      mayChange: () => false,
      // Checked by the campaign: it opens the vault with the passphrase this write set.
      acknowledged: () => null,
    };
  },
});

/** Stands for passphrase file N in arguments, until `withPassphraseFiles` puts in the file's path. */
const passphraseFileToken = (index: number) => `@PASSPHRASE_FILE_${index}@`;

export function withPassphraseFiles(args: readonly string[], files: readonly string[]): string[] {
  return args.map((arg) => arg.replace(/^@PASSPHRASE_FILE_(\d)@$/, (token, i: string) => files[Number(i)] ?? token));
}

export const CRASH_OPERATIONS: readonly CrashOperation[] = [
  {
    name: 'workflows add',
    plan(view, { serial }) {
      if (view.workflows.size >= MAX_WORKFLOWS) return null;
      const id = `wf-${serial}`;
      return {
        label: `workflows add ${id}`,
        args: ['workflows', 'add', id],
        mayChange: inWorkflow(id),
        acknowledged: (after) => (after.workflows.has(id) ? null : `workflow ${id} is missing`),
      };
    },
  },
  {
    name: 'workflows remove',
    plan(view, { random }) {
      const removable = [...view.workflows].filter(([, keys]) => keys.every((k) => k.status !== 'active'));
      if (removable.length === 0 || view.workflows.size < 3) return null;
      const [id] = random.pick(removable);
      return {
        label: `workflows remove ${id}`,
        args: ['workflows', 'remove', id, '--yes'],
        mayChange: inWorkflow(id),
        acknowledged: (after) => (after.workflows.has(id) ? `removed workflow ${id} is still there` : null),
      };
    },
  },
  newKeyOperation('keys add', (id) => ({ args: ['keys', 'add', id] })),
  newKeyOperation('keys import', (id) => ({
    args: ['keys', 'import', id, '--key-file', '-'],
    input: `${randomBytes(32).toString('base64')}\n`,
  })),
  keyOperation(
    'keys activate',
    'activate',
    (k) => k.status === 'inactive' && !k.scheduled,
    (k) => k?.status === 'active',
  ),
  keyOperation(
    'keys deactivate',
    'deactivate',
    (k) => k.status === 'active',
    (k) => k?.status === 'inactive',
  ),
  keyOperation(
    'keys delete',
    'delete',
    (k) => k.status === 'inactive' && !k.scheduled,
    (k, _after, before) => (before.deletionWaitDays === 0 ? k === undefined : k?.scheduled === true),
  ),
  keyOperation(
    'keys cancel-deletion',
    'cancel-deletion',
    (k) => k.scheduled,
    (k) => k !== undefined && !k.scheduled,
    [],
  ),
  {
    name: 'settings set deletionWaitDays',
    plan(view, { random }) {
      // Mostly a waiting period, sometimes 0 (delete at once); never one that purges during the run.
      const days = random.pick([0, 1, 7, 30].filter((d) => d !== view.deletionWaitDays));
      return {
        label: `settings set deletionWaitDays ${days}`,
        args: ['settings', 'set', 'deletionWaitDays', String(days)],
        mayChange: (fact) => fact.startsWith(SETTING_FACT_PREFIX),
        acknowledged: (after) =>
          after.deletionWaitDays === days ? null : `deletionWaitDays is ${after.deletionWaitDays}, not ${days}`,
      };
    },
  },
  {
    // R16: the vault passphrase is asked when set; the backup passphrase is the first passphrase file.
    name: 'backup',
    plan(view, context) {
      const path = join(context.scratch, `backup-${context.serial}.backup`);
      return {
        label: 'backup',
        args: ['backup', '--output', path, '--backup-passphrase-file', passphraseFileToken(0)],
        mayChange: () => false,
        acknowledged: () => null,
        remember: (c) => {
          c.lastBackup = { path, view };
        },
      };
    },
  },
  {
    // R16: the last acknowledged backup over the vault as it has become; the restored vault has no passphrase.
    name: 'restore',
    plan(_view, { lastBackup }) {
      if (!lastBackup) return null;
      return {
        label: 'restore',
        args: ['restore', lastBackup.path, '--backup-passphrase-file', passphraseFileToken(0), '--yes'],
        passphraseAfter: null,
        mayChange: () => true,
        acknowledged: (after) => {
          const differ = unrelatedDifferences(lastBackup.view, after, () => false);
          return differ.length === 0 ? null : `the restored vault differs from the backup: ${differ.join(' ')}`;
        },
      };
    },
  },
  passphraseOp(
    'passphrase set',
    (current) => current === null,
    (_current, next, file) => ['passphrase', 'set', '--passphrase-file', file(next ?? 0)],
    () => 0,
  ),
  passphraseOp(
    'passphrase change',
    (current) => current !== null,
    (current, next, file) => [
      'passphrase',
      'change',
      '--passphrase-file',
      file(current ?? 0),
      '--new-passphrase-file',
      file(next ?? 0),
    ],
    (current) => 1 - (current ?? 0),
  ),
  passphraseOp(
    'passphrase remove',
    (current) => current !== null,
    (current, _next, file) => ['passphrase', 'remove', '--passphrase-file', file(current ?? 0)],
    () => null,
  ),
];
