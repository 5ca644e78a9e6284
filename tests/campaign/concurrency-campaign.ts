/**
 * Concurrency campaign: CLI writers (separate processes) and the app's main (its IPC handlers in
 * this process) change one vault at the same time, each its own changes. A change refused with
 * VAULT_BUSY changed nothing and is tried again; every change must be in the vault once, and the
 * audit log must hold one entry per change and verify.
 */
import { Custody } from '../../electron/custody';
import type { CliSandbox } from '../support/cli-sandbox';
import { type Figures, fail, newFigures } from './figures';
import { startMain } from './main-under-test';

export const CONCURRENCY_INVARIANTS = [
  'lost update',
  'change applied twice',
  'failure other than VAULT_BUSY',
  'audit chain fails to verify',
] as const;

/** Writers wait this long for the lock before VAULT_BUSY: short, so losers are seen and retried. */
const CLI_LOCK_WAIT_MS = '1000';
const MAX_TRIES = 20;

export interface ConcurrencyOptions {
  writers: number;
  changesEach: number;
}

export interface ConcurrencyFigures extends Figures {
  busy: Record<string, number>;
  applied: number;
  /** The slowest change, retries included, as a person waiting for it would see it. */
  slowestMs: number;
}

type Attempt = () => Promise<{ ok: true } | { ok: false; code: string; message: string }>;

export async function runConcurrencyCampaign(sandbox: CliSandbox, options: ConcurrencyOptions): Promise<ConcurrencyFigures> {
  const figures: ConcurrencyFigures = {
    ...newFigures('concurrency', CONCURRENCY_INVARIANTS),
    busy: {},
    applied: 0,
    slowestMs: 0,
  };
  await sandbox.runAll([['init']]);
  const custody = new Custody({ location: { home: sandbox.home, keychainService: sandbox.service }, secrets: sandbox.keychain });
  const main = startMain(custody);
  const entriesBefore = (await custody.auditEntries()).length;

  /** One writer's changes in turn; a VAULT_BUSY is counted and the same change tried again. */
  const writer = async (name: string, attempt: (id: string) => Attempt) => {
    figures.busy[name] = 0;
    for (let i = 0; i < options.changesEach; i++) {
      const id = `${name}-${i}`;
      figures.tried += 1;
      const started = Date.now();
      for (let tries = 1; ; tries++) {
        const answer = await attempt(id)();
        if (answer.ok) {
          figures.applied += 1;
          figures.slowestMs = Math.max(figures.slowestMs, Date.now() - started);
          break;
        }
        if (answer.code === 'VAULT_BUSY' && tries < MAX_TRIES) {
          figures.busy[name] = (figures.busy[name] ?? 0) + 1;
          continue;
        }
        fail(
          figures,
          answer.code === 'ALREADY_EXISTS' ? 'change applied twice' : 'failure other than VAULT_BUSY',
          `${id}: ${answer.code} ${answer.message}`,
        );
        break;
      }
    }
  };
  const cli =
    (id: string): Attempt =>
    async () => {
      const run = await sandbox.run(['workflows', 'add', id], { env: { CUSTODY_LOCK_WAIT_MS: CLI_LOCK_WAIT_MS } });
      if (run.code === 0) return { ok: true };
      return { ok: false, code: /error ([A-Z_]+):/.exec(run.stderr)?.[1] ?? `exit ${run.code}`, message: run.stderr.trim() };
    };
  const viaMain =
    (id: string): Attempt =>
    async () => {
      const answer = await main.call('workflows.add', { id });
      return answer.ok ? { ok: true } : { ok: false, code: answer.error.code, message: answer.error.message };
    };

  try {
    await Promise.all([
      ...Array.from({ length: options.writers }, (_, w) => writer(`cli${w + 1}`, cli)),
      writer('main', viaMain),
    ]);
    const ids = new Set((await custody.listWorkflows()).map((w) => w.id));
    for (const name of [...Array.from({ length: options.writers }, (_, w) => `cli${w + 1}`), 'main'])
      for (let i = 0; i < options.changesEach; i++)
        if (!ids.has(`${name}-${i}`)) fail(figures, 'lost update', `${name}-${i} is not in the vault`);
    const added = (await custody.auditEntries()).slice(entriesBefore).filter((e) => e.action === 'workflow.add');
    if (added.length !== figures.tried)
      fail(figures, 'change applied twice', `${added.length} workflow.add entries for ${figures.tried} changes`);
    const verified = await custody.verifyAudit();
    if (!verified.ok) fail(figures, 'audit chain fails to verify', verified.problem ?? 'not ok');
  } finally {
    await main.stop();
    custody.lock();
  }
  return figures;
}
