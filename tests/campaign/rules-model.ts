/**
 * A plain model of the lifecycle rules (docs/rules.md R1, R3–R8, R10, R13), written apart from the
 * core: what each operation should answer (a result or an error code) and what the vault should
 * hold after it. The model campaign runs the same operations on the core and compares.
 */
import type { ErrorCode } from '../../shared/errors';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface ModelKey {
  id: string;
  fingerprint: string;
  /** The key's value as the dashboard shows it, to seal probe payloads with. */
  value: string;
  status: 'active' | 'inactive';
  createdAt: number;
  scheduledFor: number | null;
}

export interface RulesModel {
  /** Insertion order, as the vault keeps them. */
  workflows: Map<string, ModelKey[]>;
  waitDays: number;
  now: number;
  /** Every key value the vault has held, to prove deleted keys decrypt nothing. */
  everSeen: Map<string, string>;
  /** R16: what the last backup holds, once one was made. */
  backup: { workflows: Map<string, ModelKey[]>; waitDays: number } | null;
}

const copyWorkflows = (workflows: Map<string, ModelKey[]>) =>
  new Map([...workflows].map(([id, keys]) => [id, keys.map((k) => ({ ...k }))]));

/** R16: a backup holds every workflow, key, state and setting as they are. */
export function backUp(model: RulesModel): void {
  model.backup = { workflows: copyWorkflows(model.workflows), waitDays: model.waitDays };
}

/** R16: a restore brings back exactly what the backup held (R13 then purges what is past its date). */
export function restore(model: RulesModel): void {
  if (!model.backup) return;
  model.workflows = copyWorkflows(model.backup.workflows);
  model.waitDays = model.backup.waitDays;
}

export function newRulesModel(now: number): RulesModel {
  return { workflows: new Map(), waitDays: 7, now, everSeen: new Map(), backup: null };
}

/** An operation's expected answer: a refusal with its code, or success. */
export type Expected = { refused: ErrorCode } | { refused: null };
const ok: Expected = { refused: null };
const refused = (code: ErrorCode): Expected => ({ refused: code });

/** R13: deletions whose date has come are gone before any read or change. */
export function purgeDue(model: RulesModel): void {
  for (const [id, keys] of model.workflows)
    model.workflows.set(
      id,
      keys.filter((k) => k.scheduledFor === null || model.now < k.scheduledFor),
    );
}

export function allKeys(model: RulesModel): ModelKey[] {
  return [...model.workflows.values()].flat();
}

export function expectAddWorkflow(model: RulesModel, id: string): Expected {
  return model.workflows.has(id) ? refused('ALREADY_EXISTS') : ok;
}

export function expectRemoveWorkflow(model: RulesModel, id: string): Expected {
  const keys = model.workflows.get(id);
  if (!keys) return refused('NOT_FOUND');
  return keys.some((k) => k.status === 'active') ? refused('WORKFLOW_HAS_ACTIVE_KEY') : ok;
}

/** R4/R5: the workflow must exist; an imported value already in the vault (any workflow) is refused. */
export function expectAddKey(model: RulesModel, workflowId: string, fingerprint: string | null): Expected {
  if (!model.workflows.has(workflowId)) return refused('NOT_FOUND');
  if (fingerprint && allKeys(model).some((k) => k.fingerprint === fingerprint)) return refused('DUPLICATE_KEY');
  return ok;
}

/** R4/R5: the first key of a workflow is active, later ones inactive. */
export function addKey(
  model: RulesModel,
  workflowId: string,
  key: Omit<ModelKey, 'status' | 'createdAt' | 'scheduledFor'>,
): void {
  const keys = model.workflows.get(workflowId) ?? [];
  keys.push({ ...key, status: keys.length === 0 ? 'active' : 'inactive', createdAt: model.now, scheduledFor: null });
  model.workflows.set(workflowId, keys);
  model.everSeen.set(key.fingerprint, key.value);
}

function target(model: RulesModel, workflowId: string, keyId: string): ModelKey | Expected {
  const keys = model.workflows.get(workflowId);
  const key = keys?.find((k) => k.id === keyId);
  return key ?? refused('NOT_FOUND');
}

const isKey = (found: ModelKey | Expected): found is ModelKey => 'id' in found;

/** R6 (R13: not while scheduled). */
export function activate(model: RulesModel, workflowId: string, keyId: string): Expected {
  const key = target(model, workflowId, keyId);
  if (!isKey(key)) return key;
  if (key.status === 'active') return refused('INVALID_INPUT');
  if (key.scheduledFor !== null) return refused('KEY_DELETION_SCHEDULED');
  for (const k of model.workflows.get(workflowId) ?? []) k.status = k === key ? 'active' : 'inactive';
  return ok;
}

/** R7. */
export function deactivate(model: RulesModel, workflowId: string, keyId: string): Expected {
  const key = target(model, workflowId, keyId);
  if (!isKey(key)) return key;
  if (key.status !== 'active') return refused('INVALID_INPUT');
  key.status = 'inactive';
  return ok;
}

/** R8 and R13: only an inactive key, scheduled for the waiting period or gone at once with 0. */
export function deleteKey(model: RulesModel, workflowId: string, keyId: string): Expected {
  const key = target(model, workflowId, keyId);
  if (!isKey(key)) return key;
  if (key.status === 'active') return refused('ACTIVE_KEY_DELETE_REFUSED');
  if (key.scheduledFor !== null) return refused('KEY_DELETION_SCHEDULED');
  if (model.waitDays === 0) {
    model.workflows.set(
      workflowId,
      (model.workflows.get(workflowId) ?? []).filter((k) => k !== key),
    );
  } else key.scheduledFor = model.now + model.waitDays * DAY_MS;
  return ok;
}

/** R13. */
export function cancelDeletion(model: RulesModel, workflowId: string, keyId: string): Expected {
  const key = target(model, workflowId, keyId);
  if (!isKey(key)) return key;
  if (key.scheduledFor === null) return refused('INVALID_INPUT');
  key.scheduledFor = null;
  return ok;
}

/**
 * R10: the keys decrypt tries, in order: active keys first, then inactive ones newest first (a
 * stable sort, so keys made at the same moment keep the vault's order); scheduled keys never.
 */
export function tryOrder(model: RulesModel, workflowId: string | null): ModelKey[] {
  const keys = (workflowId === null ? allKeys(model) : (model.workflows.get(workflowId) ?? [])).filter(
    (k) => k.scheduledFor === null,
  );
  const active = keys.filter((k) => k.status === 'active');
  const inactive = keys.filter((k) => k.status !== 'active').sort((a, b) => b.createdAt - a.createdAt);
  return [...active, ...inactive];
}

/** A workflow's keys as listed: R10's order, scheduled keys included. */
export function listedOrder(model: RulesModel, workflowId: string): ModelKey[] {
  const keys = model.workflows.get(workflowId) ?? [];
  const active = keys.filter((k) => k.status === 'active');
  const inactive = keys.filter((k) => k.status !== 'active').sort((a, b) => b.createdAt - a.createdAt);
  return [...active, ...inactive];
}
