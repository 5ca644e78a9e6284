import { readFile } from 'node:fs/promises';
import type { Custody } from '../../electron/custody';

/** What a person can see of a vault, as facts that compare as strings (no key values). */
export interface VaultView {
  workflows: Map<string, ViewKey[]>;
  deletionWaitDays: number;
  /** One string per fact: a workflow, a key with its status, a setting. */
  facts: Set<string>;
}

export interface ViewKey {
  id: string;
  fingerprint: string;
  status: 'active' | 'inactive';
  scheduled: boolean;
}

export const workflowFact = (id: string) => `wf:${id}`;
export const keyFactPrefix = (workflowId: string) => `key:${workflowId}:`;
export const SETTING_FACT_PREFIX = 'setting:';

/** Reads the whole vault through the core, as the app or the CLI would list it. */
export async function viewOf(custody: Custody): Promise<VaultView> {
  const workflows = new Map<string, ViewKey[]>();
  const facts = new Set<string>();
  for (const workflow of await custody.listWorkflows()) {
    facts.add(workflowFact(workflow.id));
    const keys = (await custody.listKeys(workflow.id)).map((k) => ({
      id: k.id,
      fingerprint: k.fingerprint,
      status: k.status,
      scheduled: k.deletionScheduledFor !== null,
    }));
    for (const k of keys)
      facts.add(`${keyFactPrefix(workflow.id)}${k.fingerprint}:${k.status}:${k.scheduled ? 'scheduled' : 'kept'}`);
    workflows.set(workflow.id, keys);
  }
  const { deletionWaitDays } = await custody.settings();
  facts.add(`${SETTING_FACT_PREFIX}deletionWaitDays=${deletionWaitDays}`);
  return { workflows, deletionWaitDays, facts };
}

/** Facts in one view and not the other, either way, outside what `mayChange` says an operation touches. */
export function unrelatedDifferences(before: VaultView, after: VaultView, mayChange: (fact: string) => boolean): string[] {
  const differ = (a: Set<string>, b: Set<string>, sign: string) =>
    [...a].filter((fact) => !b.has(fact) && !mayChange(fact)).map((fact) => `${sign}${fact}`);
  return [...differ(before.facts, after.facts, '-'), ...differ(after.facts, before.facts, '+')];
}

/** Whether vault.json's header says a passphrase is needed (read without opening anything). */
export async function headerHasPassphrase(vaultPath: string): Promise<boolean> {
  const file = JSON.parse(await readFile(vaultPath, 'utf8')) as { envelope?: { scrypt?: unknown } };
  return Boolean(file.envelope?.scrypt);
}
