/**
 * Model-based campaign: fast-check draws sequences of lifecycle operations (MODEL_OPERATIONS),
 * runs each on the core (a real vault in a temp CUSTODY_HOME, an in-memory secret store, a clock it
 * moves) and on the plain model of the rules (rules-model.ts), and after every step checks the
 * invariants below. A failing sequence is shrunk to the shortest that still fails.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Custody, fingerprintOf, formatKey, sealPayload } from '../../electron/custody';
import { TEST_SCRYPT } from '../support/core-fixture';
import { createMemorySecretStore } from '../support/memory-secret-store';
import { type Figures, fail, figuresLine, newFigures } from './figures';
import * as rules from './rules-model';
import { CAMPAIGN_SIZES } from './sizes';

export const MODEL_INVARIANTS = [
  'answer follows the rules',
  'vault matches the model',
  'at most one active key per workflow',
  'fingerprints unique',
  'deleted keys gone',
  'scheduled keys not active and not tried',
  'decrypt order R10',
  'audit chain verifies',
] as const;
export type ModelInvariant = (typeof MODEL_INVARIANTS)[number];

export class InvariantBroken extends Error {
  constructor(
    readonly invariant: ModelInvariant,
    detail: string,
  ) {
    super(`${invariant}: ${detail}`);
  }
}

export interface Real {
  custody: Custody;
  clock: { now: Date };
  /** Where this sequence's backup goes (beside the vault folder, as a person would keep it). */
  backupPath: string;
}

const BACKUP_PASSPHRASE = 'model campaign backup passphrase';

const WORKFLOW_IDS = ['wf-a', 'wf-b', 'wf-c'] as const;
const NO_SUCH_KEY = 'k_00000000deadbeef';
/** Values imported from "the dashboard": few, so duplicates (R5) come up often. */
const IMPORTED = Array.from({ length: 5 }, () => formatKey(randomBytes(32)));
const START = Date.parse('2026-01-01T00:00:00Z');

function codeOf(error: unknown): string {
  return (error as { code?: string }).code ?? `uncaught ${String(error)}`;
}

/** Runs `act` on the core and holds its answer against the model's. */
async function answers<T>(expected: rules.Expected, act: () => Promise<T>, what: string): Promise<T | null> {
  try {
    const value = await act();
    if (expected.refused)
      throw new InvariantBroken('answer follows the rules', `${what} succeeded; the rules say ${expected.refused}`);
    return value;
  } catch (error) {
    if (error instanceof InvariantBroken) throw error;
    if (expected.refused !== codeOf(error))
      throw new InvariantBroken(
        'answer follows the rules',
        `${what} answered ${codeOf(error)}; the rules say ${expected.refused ?? 'success'}`,
      );
    return null;
  }
}

type Step = fc.AsyncCommand<rules.RulesModel, Real>;

/** One operation: its arguments' arbitrary and what it does to the model and the core. */
function operation<A>(name: string, args: fc.Arbitrary<A>, step: (a: A, model: rules.RulesModel, real: Real) => Promise<void>) {
  return args.map((a): Step => ({
    check: () => true,
    run: async (model, real) => {
      // Time passes between operations, so keys made one after another have distinct times.
      model.now += 1_000;
      real.clock.now = new Date(model.now);
      rules.purgeDue(model);
      await step(a, model, real);
      rules.purgeDue(model);
      await checkInvariants(model, real);
    },
    toString: () => `${name}(${JSON.stringify(a)})`,
  }));
}

const workflowArb = fc.constantFrom(...WORKFLOW_IDS);
const keyRef = fc.record({ workflowId: workflowArb, index: fc.nat(7), bogus: fc.boolean() }, { noNullPrototype: true });

/** The key a reference names in the model (by position), or an id no key has. */
function keyIdOf(model: rules.RulesModel, ref: { workflowId: string; index: number; bogus: boolean }): string {
  const keys = model.workflows.get(ref.workflowId) ?? [];
  if (ref.bogus && ref.index === 0) return NO_SUCH_KEY;
  return keys.length === 0 ? NO_SUCH_KEY : (keys[ref.index % keys.length] as rules.ModelKey).id;
}

function keyStep(
  name: string,
  rule: (m: rules.RulesModel, w: string, k: string) => rules.Expected,
  act: (c: Custody, w: string, k: string) => Promise<unknown>,
) {
  return operation(name, keyRef, async (ref, model, real) => {
    const keyId = keyIdOf(model, ref);
    await answers(
      rule(model, ref.workflowId, keyId),
      () => act(real.custody, ref.workflowId, keyId),
      `${name} ${ref.workflowId} ${keyId}`,
    );
  });
}

/** Every operation the campaign draws from; adding one (backup, restore…) is one entry. */
export const MODEL_OPERATIONS = [
  operation('addWorkflow', workflowArb, async (id, model, real) => {
    if (await answers(rules.expectAddWorkflow(model, id), () => real.custody.addWorkflow({ id }), `addWorkflow ${id}`))
      model.workflows.set(id, []);
  }),
  operation('removeWorkflow', workflowArb, async (id, model, real) => {
    if (await answers(rules.expectRemoveWorkflow(model, id), () => real.custody.removeWorkflow(id), `removeWorkflow ${id}`))
      model.workflows.delete(id);
  }),
  operation('addKey', workflowArb, async (id, model, real) => {
    const added = await answers(rules.expectAddKey(model, id, null), () => real.custody.addKey(id), `addKey ${id}`);
    if (added) rules.addKey(model, id, { id: added.key.id, fingerprint: added.key.fingerprint, value: added.value });
  }),
  operation(
    'importKey',
    fc.record({ workflowId: workflowArb, value: fc.constantFrom(...IMPORTED) }),
    async ({ workflowId, value }, model, real) => {
      const fingerprint = fingerprintOfValue(value);
      const key = await answers(
        rules.expectAddKey(model, workflowId, fingerprint),
        () => real.custody.importKey(workflowId, value),
        `importKey ${workflowId}`,
      );
      if (key) rules.addKey(model, workflowId, { id: key.id, fingerprint: key.fingerprint, value });
    },
  ),
  keyStep('activate', rules.activate, (c, w, k) => c.activateKey(w, k)),
  keyStep('deactivate', rules.deactivate, (c, w, k) => c.deactivateKey(w, k)),
  keyStep('delete', rules.deleteKey, (c, w, k) => c.deleteKey(w, k)),
  keyStep('cancelDeletion', rules.cancelDeletion, (c, w, k) => c.cancelDeletion(w, k)),
  operation('setWaitingPeriod', fc.constantFrom(0, 1, 7, 30), async (days, model, real) => {
    await answers({ refused: null }, () => real.custody.updateSettings({ deletionWaitDays: days }), `waiting period ${days}`);
    model.waitDays = days;
  }),
  // Time passing (R13 purges), and the clock set back, which must never purge early.
  operation(
    'timePasses',
    fc.constantFrom(
      rules.DAY_MS,
      7 * rules.DAY_MS - 1_000,
      7 * rules.DAY_MS,
      8 * rules.DAY_MS,
      31 * rules.DAY_MS,
      -2 * rules.DAY_MS,
    ),
    async (ms, model, real) => {
      model.now += ms;
      real.clock.now = new Date(model.now);
      await real.custody.purgeDueDeletions();
    },
  ),
  // R16: a backup, and later a restore of the last one over the vault as it has become.
  operation('backup', fc.constant(null), async (_none, model, real) => {
    await answers(
      { refused: null },
      () => real.custody.backup(real.backupPath, BACKUP_PASSPHRASE, { overwrite: true }),
      'backup',
    );
    rules.backUp(model);
  }),
  operation('restoreLastBackup', fc.constant(null), async (_none, model, real) => {
    if (!model.backup) return;
    await answers({ refused: null }, () => real.custody.restore(real.backupPath, BACKUP_PASSPHRASE), 'restore');
    rules.restore(model);
  }),
  operation(
    'decryptProbe',
    fc.record({ pick: fc.nat(), anyWorkflow: fc.boolean() }, { noNullPrototype: true }),
    async (probe, model, real) => {
      await decryptProbe(model, real, probe);
    },
  ),
];

const fingerprintOfValue = (value: string) => fingerprintOf(Buffer.from(value, 'base64'));

/**
 * Seals a payload with one key value the vault holds or once held, and decrypts it: it must open
 * with exactly the key the model says decrypt tries first among those that fit (R10), and never
 * with a deleted or scheduled key.
 */
async function decryptProbe(model: rules.RulesModel, real: Real, probe: { pick: number; anyWorkflow: boolean }): Promise<void> {
  const values = [...model.everSeen.entries()];
  if (values.length === 0) return;
  const [fingerprint, value] = values[probe.pick % values.length] as [string, string];
  const owner = [...model.workflows].find(([, keys]) => keys.some((k) => k.fingerprint === fingerprint));
  const workflowId = owner?.[0] ?? WORKFLOW_IDS[probe.pick % WORKFLOW_IDS.length]!;
  if (!probe.anyWorkflow && !model.workflows.has(workflowId)) return;
  const scope = probe.anyWorkflow ? ({ mode: 'any' } as const) : ({ mode: 'workflow', workflowId } as const);
  const order = rules.tryOrder(model, probe.anyWorkflow ? null : workflowId);
  const expectedIndex = order.findIndex((k) => k.fingerprint === fingerprint);
  const payload = sealPayload(Buffer.from('{"probe":true}'), Buffer.from(value, 'base64'));
  const [result] = await real.custody.decrypt([{ source: 'probe', text: payload }], scope);
  const key = allKeysWithState(model).get(fingerprint);
  if (expectedIndex === -1) {
    if (result?.ok) {
      const invariant = key === undefined ? 'deleted keys gone' : 'scheduled keys not active and not tried';
      throw new InvariantBroken(
        invariant,
        `a payload sealed with ${fingerprint} (${key ? 'scheduled or out of scope' : 'deleted'}) decrypted`,
      );
    }
    return;
  }
  if (!result?.ok || result.key.fingerprint !== fingerprint || result.key.index !== expectedIndex)
    throw new InvariantBroken(
      'decrypt order R10',
      `payload of ${fingerprint}: expected key index ${expectedIndex}, got ${JSON.stringify(result?.ok ? result.key : result)}`,
    );
}

function allKeysWithState(model: rules.RulesModel): Map<string, rules.ModelKey> {
  return new Map(rules.allKeys(model).map((k) => [k.fingerprint, k]));
}

/** After every step: the vault as listed equals the model, and the invariants hold (the audit chain: at the end). */
export async function checkInvariants(model: rules.RulesModel, real: Real): Promise<void> {
  const { custody } = real;
  const listed = await custody.listWorkflows();
  const ids = listed.map((w) => w.id);
  if (ids.join(',') !== [...model.workflows.keys()].join(','))
    throw new InvariantBroken(
      'vault matches the model',
      `workflows ${ids.join(',')} ≠ model ${[...model.workflows.keys()].join(',')}`,
    );
  const seen = new Set<string>();
  for (const workflow of listed) {
    const keys = await custody.listKeys(workflow.id);
    const active = keys.filter((k) => k.status === 'active');
    if (active.length > 1)
      throw new InvariantBroken('at most one active key per workflow', `${workflow.id} has ${active.length}`);
    for (const k of keys) {
      if (seen.has(k.fingerprint)) throw new InvariantBroken('fingerprints unique', `${k.fingerprint} twice`);
      seen.add(k.fingerprint);
      if (k.deletionScheduledFor !== null && k.status === 'active')
        throw new InvariantBroken('scheduled keys not active and not tried', `${k.id} is active and scheduled`);
    }
    const expected = rules.listedOrder(model, workflow.id);
    const describe = (list: readonly { id: string; status: string }[], scheduled: (i: number) => boolean) =>
      list.map((k, i) => `${k.id}:${k.status}${scheduled(i) ? ':scheduled' : ''}`).join(' ');
    const real = describe(keys, (i) => keys[i]?.deletionScheduledFor !== null);
    const wanted = describe(expected, (i) => expected[i]?.scheduledFor !== null);
    if (real !== wanted) {
      const gone = keys.find((k) => !expected.some((e) => e.id === k.id));
      throw new InvariantBroken(
        gone ? 'deleted keys gone' : 'vault matches the model',
        `${workflow.id}: ${real} ≠ model ${wanted}`,
      );
    }
    for (const [i, k] of keys.entries()) {
      const scheduledFor = expected[i]?.scheduledFor ?? null;
      if ((k.deletionScheduledFor === null ? null : Date.parse(k.deletionScheduledFor)) !== scheduledFor)
        throw new InvariantBroken(
          'vault matches the model',
          `${k.id} scheduled for ${k.deletionScheduledFor}, model ${scheduledFor}`,
        );
    }
  }
  await checkTryOrder(model, custody, null);
  for (const id of model.workflows.keys()) await checkTryOrder(model, custody, id);
}

/** The chain is checked once a sequence ends: an entry broken on the way stays broken. */
async function checkAuditChain(custody: Custody): Promise<void> {
  const verified = await custody.verifyAudit();
  if (!verified.ok) throw new InvariantBroken('audit chain verifies', verified.problem ?? 'not ok');
}

async function checkTryOrder(model: rules.RulesModel, custody: Custody, workflowId: string | null): Promise<void> {
  const candidates = await custody.candidates(workflowId === null ? { mode: 'any' } : { mode: 'workflow', workflowId });
  const real = candidates.map((c) => c.id).join(' ');
  candidates.forEach((c) => c.material.fill(0));
  const wanted = rules
    .tryOrder(model, workflowId)
    .map((k) => k.id)
    .join(' ');
  if (real !== wanted) {
    const scheduled = rules
      .allKeys(model)
      .filter((k) => k.scheduledFor !== null)
      .some((k) => real.includes(k.id));
    throw new InvariantBroken(
      scheduled ? 'scheduled keys not active and not tried' : 'decrypt order R10',
      `${workflowId ?? 'any'}: tries ${real}; R10 says ${wanted}`,
    );
  }
}

/** A fresh vault on the core for one sequence. */
export async function newReal(): Promise<{ real: Real; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'custody-model-'));
  const home = join(root, 'vault');
  const clock = { now: new Date(START) };
  const custody = new Custody({
    location: { home, keychainService: 'custody-model' },
    secrets: createMemorySecretStore(),
    clock: () => clock.now,
    user: 'officer',
    scrypt: TEST_SCRYPT,
  });
  await custody.init();
  return {
    real: { custody, clock, backupPath: join(root, 'vault.backup') },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

export const sequences = (maxCommands: number) => fc.commands(MODEL_OPERATIONS, { maxCommands, size: 'max' });

/** Runs one sequence of steps on a fresh vault and a fresh model. */
export async function runSequence(steps: Iterable<Step>): Promise<void> {
  const { real, cleanup } = await newReal();
  try {
    await fc.asyncModelRun(() => ({ model: rules.newRulesModel(START), real }), steps);
    await checkAuditChain(real.custody);
  } finally {
    await cleanup();
  }
}

export interface ModelOptions {
  sequences: number;
  seed: number;
  maxCommands?: number;
  log?: (line: string) => void;
}

export interface ModelFigures extends Figures {
  steps: number;
  counterexample: string | null;
}

/** Sequences run in parts of this many, each with its own seed, so a long run reports as it goes. */
const PART = 500;

export async function runModelCampaign(options: ModelOptions): Promise<ModelFigures> {
  const figures: ModelFigures = { ...newFigures('model', MODEL_INVARIANTS), steps: 0, counterexample: null };
  for (let part = 0; figures.tried < options.sequences && figures.counterexample === null; part++) {
    const result = await fc.check(
      fc.asyncProperty(sequences(options.maxCommands ?? CAMPAIGN_SIZES.short.modelMaxCommands), async (steps) => {
        figures.steps += [...steps].length;
        await runSequence(steps);
      }),
      { numRuns: Math.min(PART, options.sequences - figures.tried), seed: options.seed + part },
    );
    figures.tried += result.numRuns;
    if (result.failed) {
      const error = result.errorInstance;
      const invariant = error instanceof InvariantBroken ? error.invariant : 'answer follows the rules';
      figures.counterexample = `${fc.stringify(result.counterexample)} (seed ${result.seed}, path ${result.counterexamplePath})`;
      fail(figures, invariant, `${String(error)} — ${figures.counterexample}`);
    }
    options.log?.(figuresLine(figures, { steps: figures.steps }));
  }
  return figures;
}
