/**
 * Vault open and one lifecycle write at 10, 1 000 and 10 000 keys.
 * Absolute times on a 2-core machine are noisy, so each figure is printed next to a baseline
 * measured in the same run: the bare work any sealed vault must do (read the file, AES-GCM open,
 * JSON.parse / JSON.stringify, AES-GCM seal, write + fsync + rename), without our rules, schema
 * checks, lock or audit log.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Custody } from '../../electron/custody/custody';
import { vaultFilePath } from '../../electron/custody/custody-paths';
import * as rules from '../../electron/custody/key-lifecycle';
import { generateKey } from '../../electron/custody/key-material';
import { createMemorySecretStore } from '../support/memory-secret-store';
import { itemAt } from '../support/item-at';

const KEYS_PER_WORKFLOW = 10;
const SIZES = [10, 1_000, 10_000];
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function time(rounds: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

/** Seeds a vault with `keyCount` keys through the pure rules, in one write. */
async function seed(keyCount: number): Promise<{ home: string; custody: () => Custody; lastWorkflow: string }> {
  const home = await mkdtemp(join(tmpdir(), 'custody-bench-'));
  const secrets = createMemorySecretStore();
  const location = { home, keychainService: 'custody-bench' };
  const custody = () => new Custody({ location, secrets, user: 'bench' });
  const seeder = custody();
  await seeder.init();
  let lastWorkflow = '';
  await seeder.store.transact((initial, now) => {
    let state = initial;
    for (let i = 0; i < keyCount; i++) {
      if (i % KEYS_PER_WORKFLOW === 0) {
        lastWorkflow = `workflow-${i / KEYS_PER_WORKFLOW}`;
        state = rules.addWorkflow(state, { id: lastWorkflow }, now).state;
      }
      state = rules.addKey(state, lastWorkflow, { material: generateKey(), origin: 'generated' }, now).state;
    }
    const event = {
      action: 'workflow.add' as const,
      workflowId: null,
      keyId: null,
      fingerprint: null,
      details: { seeded: keyCount },
    };
    return { state, event, result: undefined };
  });
  return { home, custody, lastWorkflow };
}

/** The bare open: read, AES-GCM open, JSON.parse, of a file baselineWrite made. */
async function baselineOpen(path: string, key: Buffer): Promise<unknown> {
  const { nonce, sealed: sealedText } = JSON.parse(await readFile(path, 'utf8')) as { nonce: string; sealed: string };
  const sealed = Buffer.from(sealedText, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64'));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString('utf8'));
}

async function baselineWrite(path: string, state: unknown, key: Buffer): Promise<void> {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(state)), cipher.final(), cipher.getAuthTag()]);
  const temp = `${path}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  await handle.writeFile(JSON.stringify({ nonce: nonce.toString('base64'), sealed: sealed.toString('base64') }));
  await handle.sync();
  await handle.close();
  await rename(temp, path);
}

interface Row {
  keys: number;
  vaultBytes: number;
  openMs: number;
  openBaselineMs: number;
  writeMs: number;
  writeBaselineMs: number;
}

async function measure(keyCount: number): Promise<Row> {
  const { home, custody, lastWorkflow } = await seed(keyCount);
  try {
    const path = vaultFilePath(home);
    const vaultBytes = (await readFile(path)).length;
    const openMs = await time(ROUNDS, () => custody().listWorkflows());
    const baselineKey = randomBytes(32);
    const baselinePath = join(home, 'baseline.json');
    const state = (await custody().store.open()).state;
    await baselineWrite(baselinePath, state, baselineKey);
    const openBaselineMs = await time(ROUNDS, () => baselineOpen(baselinePath, baselineKey));
    const writer = custody();
    const keys = await writer.listKeys(lastWorkflow);
    let flip = 0;
    // One lifecycle write = R6 activate (two keys flip in one sealed write, plus one audit entry).
    const writeMs = await time(ROUNDS, () => writer.activateKey(lastWorkflow, itemAt(keys, ++flip % keys.length).id));
    const writeBaselineMs = await time(ROUNDS, () => baselineWrite(baselinePath, state, baselineKey));
    return { keys: keyCount, vaultBytes, openMs, openBaselineMs, writeMs, writeBaselineMs };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const size of SIZES) rows.push(await measure(size));
  const f = (n: number) => n.toFixed(2).padStart(8);
  console.log(`vault scale (median of ${ROUNDS}; baseline = bare read+AES-GCM+JSON / seal+fsync+rename of the same state)`);
  console.log('    keys   vault KB   open ms  baseline   ratio   write ms  baseline   ratio');
  for (const r of rows) {
    console.log(
      `${String(r.keys).padStart(8)} ${String(Math.round(r.vaultBytes / 1024)).padStart(10)} ${f(r.openMs)} ${f(r.openBaselineMs)} ${f(r.openMs / r.openBaselineMs)}  ${f(r.writeMs)} ${f(r.writeBaselineMs)} ${f(r.writeMs / r.writeBaselineMs)}`,
    );
  }
  console.log(JSON.stringify({ bench: 'vault-scale', rounds: ROUNDS, rows }));
}

void main();
