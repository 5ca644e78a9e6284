/**
 * Crash campaign: random lifecycle writes and passphrase changes through the built CLI, each killed
 * with SIGKILL at a random moment (or let finish), against the real keychain. After every round the
 * vault must open, every change the CLI acknowledged (exit 0) must be in it, nothing else may have
 * changed, and the audit chain must verify (in this process each round; with `custody audit
 * --verify` every VERIFY_WITH_CLI_EVERY rounds and at the end).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { Custody } from '../../electron/custody';
import { type CliSandbox, REPO_ROOT } from '../support/cli-sandbox';
import {
  CRASH_OPERATIONS,
  type CrashContext,
  type CrashOperation,
  type PlannedWrite,
  withPassphraseFiles,
} from './crash-operations';
import { type Figures, fail, figuresLine, newFigures } from './figures';
import { type Random, seededRandom } from './random';
import { type VaultView, headerHasPassphrase, unrelatedDifferences, viewOf } from './vault-view';

export const CRASH_INVARIANTS = ['vault fails to open', 'acknowledged change lost', 'audit chain fails to verify'] as const;
const VERIFY_WITH_CLI_EVERY = 10;
const PASSPHRASES = ['crash campaign passphrase one', 'crash campaign passphrase two'] as const;

export interface CrashOptions {
  rounds: number;
  seed: number;
  operations?: readonly CrashOperation[];
  log?: (line: string) => void;
}

export interface CrashFigures extends Figures {
  killed: number;
  /** Killed, yet the change was in the vault: the kill came after the commit. */
  killedAfterWrite: number;
  acknowledged: number;
  /**
   * Opens after a kill that met VAULT_BUSY: the killed holder left its lock without the record of
   * who held it (killed just after taking the lock, or just after forgetting the record), so the
   * lock is taken over only once it is stale by age (docs/reliability.md).
   */
  staleLockWaits: number;
  slowestOpenMs: number;
}

/** The counts printed beside the crash campaign's failures. */
export function crashCounts(figures: CrashFigures): Record<string, number> {
  return {
    killed: figures.killed,
    'killed after the write': figures.killedAfterWrite,
    acknowledged: figures.acknowledged,
    'opens that waited for a stale lock': figures.staleLockWaits,
    'slowest open ms': figures.slowestOpenMs,
  };
}

type Opened = { custody: Custody; passphrase: number | null };

/** A lock left without its holder's record goes stale after 10 s (vault-lock.ts): wait up to this. */
const STALE_LOCK_PATIENCE_MS = 15_000;

/** Opens and reads the vault; a VAULT_BUSY is waited out (and counted) while a stale lock can explain it. */
async function openWaitingForStaleLock(
  sandbox: CliSandbox,
  likely: number | null,
  onBusy: () => void,
): Promise<{ opened: Opened; after: VaultView }> {
  const started = Date.now();
  let counted = false;
  for (;;) {
    try {
      const opened = await openVault(sandbox, likely);
      return { opened, after: await viewOf(opened.custody) };
    } catch (error) {
      if ((error as { code?: string }).code !== 'VAULT_BUSY' || Date.now() - started > STALE_LOCK_PATIENCE_MS) throw error;
      if (!counted) onBusy();
      counted = true;
    }
  }
}

interface Outcome {
  exitCode: number | null;
  killed: boolean;
  ms: number;
}

/** Runs the CLI; sends SIGKILL after `killAfterMs` if it is still running. */
function runUntilKilled(args: readonly string[], env: NodeJS.ProcessEnv, input: string, killAfterMs: number): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'custody.js'), ...args], {
      env,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    let killed = false;
    const timer = setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, killAfterMs);
    child.on('error', reject);
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code, killed: killed && signal === 'SIGKILL', ms: Date.now() - started });
    });
  });
}

/** Opens the vault as the app would, with whichever passphrase works (the likely one first). */
async function openVault(sandbox: CliSandbox, likely: number | null): Promise<Opened> {
  const custodyFor = () =>
    new Custody({ location: { home: sandbox.home, keychainService: sandbox.service }, secrets: sandbox.keychain });
  if (!(await headerHasPassphrase(sandbox.vaultPath))) return { custody: custodyFor(), passphrase: null };
  const first = likely ?? 0;
  for (const index of [first, 1 - first]) {
    const custody = custodyFor();
    try {
      await custody.unlock(PASSPHRASES[index]);
      return { custody, passphrase: index };
    } catch (error) {
      if ((error as { code?: string }).code !== 'WRONG_PASSPHRASE') throw error;
    }
  }
  throw new Error('neither passphrase opens the vault');
}

function describe(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return `${code ?? 'no code'}: ${message ?? String(error)}`;
}

export async function runCrashCampaign(sandbox: CliSandbox, options: CrashOptions): Promise<CrashFigures> {
  const figures: CrashFigures = {
    ...newFigures('crash', CRASH_INVARIANTS),
    killed: 0,
    killedAfterWrite: 0,
    acknowledged: 0,
    staleLockWaits: 0,
    slowestOpenMs: 0,
  };
  const random: Random = seededRandom(options.seed);
  const operations = options.operations ?? CRASH_OPERATIONS;
  const files = [await sandbox.file('passphrase-0.txt', PASSPHRASES[0]), await sandbox.file('passphrase-1.txt', PASSPHRASES[1])];
  await sandbox.runAll([['init'], ['workflows', 'add', 'wf-0'], ['keys', 'add', 'wf-0']]);

  const context: CrashContext = { random, passphrase: null, serial: 0, scratch: dirname(files[0] as string), lastBackup: null };
  // The set-up runs' mean length: where kills start before an operation has run whole once.
  const setupMs = sandbox.runs.reduce((sum, run) => sum + run.ms, 0) / Math.max(1, sandbox.runs.length);
  let passphrase: number | null = null;
  let view: VaultView = await viewOf((await openVault(sandbox, null)).custody);
  // How long each operation takes when let finish, so kills land across its whole run.
  const typicalMs = new Map<string, number>();

  for (let round = 1; round <= options.rounds; round++) {
    Object.assign(context, { passphrase, serial: round });
    const planned = plan(operations, view, context, random);
    const args = [
      ...(planned.ownsPassphrase || passphrase === null ? [] : ['--passphrase-file', files[passphrase] as string]),
      ...withPassphraseFiles(planned.args, files),
    ];
    const kind = planned.label.split(' ').slice(0, 2).join(' ');
    const typical = typicalMs.get(kind) ?? setupMs;
    // Node's start-up and the keychain are most of a run and the write comes at its end: kills land
    // from 60 % of a whole run to 40 % past it, so most hit the work and the write, some the commit.
    const outcome = await runUntilKilled(args, sandbox.env, planned.input ?? '', typical * (0.6 + 0.8 * random.next()));
    // A kill teaches nothing of the run's length but that it is longer: on a loaded machine runs
    // slow down, and kills must not all land at start-up.
    if (outcome.killed) figures.killed += 1;
    typicalMs.set(kind, outcome.killed ? typical * 1.25 : outcome.ms);
    const acknowledged = !outcome.killed && outcome.exitCode === 0;
    if (acknowledged) {
      figures.acknowledged += 1;
      planned.remember?.(context);
    }
    figures.tried += 1;
    const where = `round ${round} (seed ${options.seed}): ${planned.label}, ${outcome.killed ? 'killed' : `exit ${outcome.exitCode}`}`;

    let opened: Opened;
    let after: VaultView;
    try {
      const likely = acknowledged && planned.passphraseAfter !== undefined ? planned.passphraseAfter : passphrase;
      const started = Date.now();
      ({ opened, after } = await openWaitingForStaleLock(sandbox, likely, () => (figures.staleLockWaits += 1)));
      figures.slowestOpenMs = Math.max(figures.slowestOpenMs, Date.now() - started);
    } catch (error) {
      fail(figures, 'vault fails to open', `${where}: ${describe(error)}`);
      options.log?.(`stopped: ${where}: the vault does not open`);
      break;
    }
    checkChanges(figures, planned, view, after, acknowledged, opened.passphrase, where);
    if (outcome.killed && (opened.passphrase !== passphrase || unrelatedDifferences(view, after, () => false).length > 0))
      figures.killedAfterWrite += 1;
    try {
      const verified = await opened.custody.verifyAudit();
      if (!verified.ok) fail(figures, 'audit chain fails to verify', `${where}: ${verified.problem}`);
    } catch (error) {
      fail(figures, 'audit chain fails to verify', `${where}: ${describe(error)}`);
    }
    opened.custody.lock();
    passphrase = opened.passphrase;
    view = after;
    if (round % VERIFY_WITH_CLI_EVERY === 0 || round === options.rounds) {
      await verifyWithCli(sandbox, figures, passphrase === null ? null : (files[passphrase] as string), where);
      options.log?.(figuresLine(figures, crashCounts(figures)));
    }
  }
  return figures;
}

function plan(
  operations: readonly CrashOperation[],
  view: VaultView,
  context: Parameters<CrashOperation['plan']>[1],
  random: Random,
): PlannedWrite {
  for (;;) {
    const planned = random.pick(operations).plan(view, context);
    if (planned) return planned;
  }
}

function checkChanges(
  figures: Figures,
  planned: PlannedWrite,
  before: VaultView,
  after: VaultView,
  acknowledged: boolean,
  passphrase: number | null,
  where: string,
): void {
  const unrelated = unrelatedDifferences(before, after, planned.mayChange);
  if (unrelated.length > 0)
    fail(figures, 'acknowledged change lost', `${where}: changed outside the operation: ${unrelated.join(' ')}`);
  if (!acknowledged) return;
  const missing = planned.acknowledged(after);
  if (missing) fail(figures, 'acknowledged change lost', `${where}: ${missing}`);
  if (planned.passphraseAfter !== undefined && planned.passphraseAfter !== passphrase)
    fail(
      figures,
      'acknowledged change lost',
      `${where}: the vault opens with passphrase ${passphrase}, not ${planned.passphraseAfter}`,
    );
}

async function verifyWithCli(
  sandbox: CliSandbox,
  figures: CrashFigures,
  passphraseFile: string | null,
  where: string,
): Promise<void> {
  const args = [...(passphraseFile ? ['--passphrase-file', passphraseFile] : []), 'audit', '--verify', '--json'];
  const started = Date.now();
  let run = await sandbox.run(args);
  // A repair of the log takes the lock: a lock a kill left without its record is waited out, as for opens.
  const busy = () => run.stderr.includes('error VAULT_BUSY:');
  if (busy()) figures.staleLockWaits += 1;
  while (busy() && Date.now() - started < STALE_LOCK_PATIENCE_MS) run = await sandbox.run(args);
  if (run.code !== 0)
    fail(figures, 'audit chain fails to verify', `${where}: custody audit --verify exited ${run.code}: ${run.stderr.trim()}`);
}
