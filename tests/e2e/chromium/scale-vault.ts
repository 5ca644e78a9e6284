/**
 * Seeds a large vault for the scale measurement (docs/benchmarks.md). Ten thousand keys through the
 * app would be ten thousand sealed writes, so the vault is built with the core's own rules in
 * memory and written once through the store, sealed under the real keychain — the same file the
 * app would have written. Nothing here bypasses a rule: every key goes through the core's addKey rule.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Custody, VAULT_KEY_ACCOUNT, createKeytarSecretStore } from '../../../electron/custody';
import {
  type VaultState,
  activeKeyOf,
  addKey,
  addWorkflow,
  deactivateKey,
  deleteKey,
  findWorkflow,
  generateKey,
} from '../../../electron/custody/testing';
import { itemAt } from '../../support/item-at';

export const SCALE_WORKFLOWS = 1_000;
export const SCALE_KEYS = 10_000;
/** The first workflow holds half of all keys: the key table's worst case. */
export const BIG_WORKFLOW_KEYS = 5_000;

const NAMES = [
  'User token generation',
  'Post authentication',
  'M2M token generation',
  'Pre-MFA',
  'New password provided',
  'Plan changed',
];

export interface ScaleVault {
  home: string;
  keychainService: string;
  bigWorkflow: { id: string; name: string };
  smallWorkflow: { id: string; name: string };
  /** Its active key is past the 90-day rotation period (R12). */
  dueWorkflow: { id: string; name: string };
  seedMs: number;
  remove(): Promise<void>;
}

function keysFor(index: number): number {
  const rest = (SCALE_KEYS - BIG_WORKFLOW_KEYS) / (SCALE_WORKFLOWS - 1);
  if (index === 0) return BIG_WORKFLOW_KEYS;
  // Spread the remainder so the total is exactly SCALE_KEYS.
  return Math.floor(rest * index) - Math.floor(rest * (index - 1));
}

export async function seedScaleVault(): Promise<ScaleVault> {
  const started = performance.now();
  const home = mkdtempSync(path.join(tmpdir(), 'custody-e2e-scale-'));
  const keychainService = `workflow-key-custody-e2e-${randomUUID()}`;
  const secrets = createKeytarSecretStore();
  const seeder = new Custody({ location: { home, keychainService }, secrets });
  await seeder.init();

  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  const workflows: Array<{ id: string; name: string }> = [];
  // One write through the store's own path, so the vault stays sealed and audited as the app does it.
  await seeder.store.transact((initial) => {
    let state: VaultState = initial;
    for (let i = 0; i < SCALE_WORKFLOWS; i++) {
      const id = `scale.workflow-${String(i).padStart(4, '0')}`;
      const name = i === 0 ? 'Bulk rotation history' : `${NAMES[i % NAMES.length]} ${i}`;
      workflows.push({ id, name });
      // Some workflows were keyed long ago: their active key is past the 90-day rotation period (R12).
      const keyedAt = new Date(now - (i % 7 === 3 ? 200 : 10) * day);
      state = addWorkflow(state, { id, name }, keyedAt).state;
      for (let k = 0; k < keysFor(i); k++) {
        const at = new Date(keyedAt.getTime() + k * 1000);
        state = addKey(
          state,
          id,
          { material: generateKey(), origin: k % 3 === 0 ? 'imported' : 'generated', label: `Key ${k + 1}` },
          at,
        ).state;
      }
      // The big workflow has one key waiting for its deletion (R13).
      if (i === 0) {
        const spare = findWorkflow(state, id).keys.find((k) => k.status !== 'active');
        if (spare) state = deleteKey(state, id, spare.id, new Date(now)).state;
      }
      // And some have none active (R7).
      if (i % 11 === 5) {
        const active = activeKeyOf(findWorkflow(state, id));
        if (active) state = deactivateKey(state, id, active.id, new Date(now)).state;
      }
    }
    const event = {
      action: 'workflow.add' as const,
      workflowId: null,
      keyId: null,
      fingerprint: null,
      details: { seeded: SCALE_KEYS },
    };
    return { state, event, result: undefined };
  });
  seeder.lock();

  return {
    home,
    keychainService,
    bigWorkflow: itemAt(workflows, 0),
    smallWorkflow: itemAt(workflows, 1),
    dueWorkflow: itemAt(workflows, 3),
    seedMs: performance.now() - started,
    remove: async () => {
      await secrets.delete(keychainService, VAULT_KEY_ACCOUNT).catch(() => false);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
