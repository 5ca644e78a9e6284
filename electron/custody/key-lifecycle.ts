/**
 * The rules (docs/rules.md) as pure functions over a vault state. Each returns the next state and
 * the audit event that describes it; nothing here does I/O, so each rule is tested directly.
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  AuditAction,
  AuditEntry,
  DecryptScope,
  KeyInfo,
  NewWorkflow,
  WorkflowChanges,
  WorkflowSummary,
} from '../../shared/domain';
import {
  DEFAULT_ROTATION_DAYS,
  LabelSchema,
  NotesSchema,
  RotationDaysSchema,
  WorkflowIdSchema,
  WorkflowNameSchema,
} from '../../shared/domain';
import { DAY_MS, rotationAge } from '../../shared/rotation';
import { keyInSentence } from '../../shared/key-naming';
import { CustodyError } from './custody-error';
import { fingerprintOf } from './key-material';
import type { StoredKey, StoredWorkflow, VaultState } from './vault-state';

/** What a change records; the audit log adds the sequence number, time, user and MAC. */
export type AuditEvent = Pick<AuditEntry, 'action' | 'workflowId' | 'keyId' | 'fingerprint' | 'details'>;

export interface Transition<T> {
  state: VaultState;
  /** null: nothing changed, so nothing is written (a purge another process already made). */
  event: AuditEvent | null;
  result: T;
}

/** Input is checked here too, not only at the IPC or CLI edge: a bad value must never reach the vault. */
function valid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new CustodyError('INVALID_INPUT', `Invalid ${what}: ${parsed.error.issues[0]?.message ?? 'not valid'}.`);
  return parsed.data;
}

function validChanges(changes: WorkflowChanges): WorkflowChanges {
  return {
    name: changes.name === undefined ? undefined : valid(WorkflowNameSchema, changes.name, 'workflow name'),
    notes: changes.notes === undefined ? undefined : valid(NotesSchema, changes.notes, 'notes'),
    rotationDays:
      changes.rotationDays === undefined ? undefined : valid(RotationDaysSchema, changes.rotationDays, 'rotation period (days)'),
  };
}

export function newKeyId(): string {
  return `k_${randomBytes(8).toString('hex')}`;
}

export function findWorkflow(state: VaultState, workflowId: string): StoredWorkflow {
  const workflow = state.workflows.find((w) => w.id === workflowId);
  if (!workflow)
    throw new CustodyError('NOT_FOUND', `There is no workflow "${workflowId}". Check the id with "custody workflows list".`);
  return workflow;
}

function findKey(workflow: StoredWorkflow, keyId: string): StoredKey {
  const key = workflow.keys.find((k) => k.id === keyId);
  if (!key)
    throw new CustodyError(
      'NOT_FOUND',
      `Workflow "${workflow.id}" has no such key; it may have been deleted. Its keys are listed by "custody keys list ${workflow.id}".`,
    );
  return key;
}

function replaceWorkflow(state: VaultState, workflow: StoredWorkflow): VaultState {
  return { ...state, workflows: state.workflows.map((w) => (w.id === workflow.id ? workflow : w)) };
}

function event(
  action: AuditAction,
  workflowId: string | null,
  key: StoredKey | null,
  details: AuditEvent['details'] = {},
): AuditEvent {
  return { action, workflowId, keyId: key?.id ?? null, fingerprint: key?.fingerprint ?? null, details };
}

/** R2: the public view of a key. Material is left behind by construction. */
export function keyInfo(workflowId: string, key: StoredKey): KeyInfo {
  return {
    id: key.id,
    workflowId,
    label: key.label,
    status: key.status,
    origin: key.origin,
    fingerprint: key.fingerprint,
    createdAt: key.createdAt,
    activatedAt: key.activatedAt,
    deactivatedAt: key.deactivatedAt,
    lastMatchedAt: key.lastMatchedAt,
    deletionScheduledFor: key.deletionScheduledFor,
  };
}

export function activeKeyOf(workflow: StoredWorkflow): StoredKey | null {
  return workflow.keys.find((k) => k.status === 'active') ?? null;
}

/** R12: active for longer than the workflow's rotation period. */
export function isRotationDue(workflow: StoredWorkflow, now: Date): boolean {
  const active = activeKeyOf(workflow);
  if (!active?.activatedAt) return false;
  return rotationAge(active.activatedAt, workflow.rotationDays, now).due;
}

export function summarizeWorkflow(workflow: StoredWorkflow, now: Date): WorkflowSummary {
  const active = activeKeyOf(workflow);
  return {
    id: workflow.id,
    name: workflow.name,
    notes: workflow.notes,
    rotationDays: workflow.rotationDays,
    createdAt: workflow.createdAt,
    keyCount: workflow.keys.length,
    activeKeyId: active?.id ?? null,
    noActiveKey: active === null,
    rotationDue: isRotationDue(workflow, now),
    deletionScheduled: workflow.keys.some((k) => k.deletionScheduledFor !== null),
  };
}

/** R10's order: active keys first, then inactive keys newest first. */
function inTryOrder<T extends { key: StoredKey }>(entries: readonly T[]): T[] {
  const active = entries.filter((e) => e.key.status === 'active');
  const inactive = entries
    .filter((e) => e.key.status !== 'active')
    .sort((a, b) => b.key.createdAt.localeCompare(a.key.createdAt));
  return [...active, ...inactive];
}

/** A workflow's keys as a person sees them listed: R10's order. */
export function keysInTryOrder(workflow: StoredWorkflow): StoredKey[] {
  return inTryOrder(workflow.keys.map((key) => ({ key }))).map((e) => e.key);
}

/**
 * R10: the keys decrypt tries, in order — one workflow's, or in "any workflow" mode every key of
 * every workflow. The one place that decides which keys are tried: R13's scheduled deletions are
 * left out, so a key on its way out is never relied on.
 */
export function decryptionKeys(state: VaultState, scope: DecryptScope): { workflowId: string; key: StoredKey }[] {
  const workflows = scope.mode === 'workflow' ? [findWorkflow(state, scope.workflowId)] : state.workflows;
  return inTryOrder(
    workflows.flatMap((w) => w.keys.filter((key) => key.deletionScheduledFor === null).map((key) => ({ workflowId: w.id, key }))),
  );
}

/** R1: a workflow id is unique in the vault. */
export function addWorkflow(state: VaultState, raw: NewWorkflow, now: Date): Transition<StoredWorkflow> {
  const input = { ...validChanges(raw), id: valid(WorkflowIdSchema, raw.id, 'workflow id') };
  if (state.workflows.some((w) => w.id === input.id)) {
    throw new CustodyError('ALREADY_EXISTS', `A workflow "${input.id}" is already in the vault.`);
  }
  const workflow: StoredWorkflow = {
    id: input.id,
    name: input.name?.trim() || input.id,
    notes: input.notes ?? '',
    rotationDays: input.rotationDays ?? DEFAULT_ROTATION_DAYS,
    createdAt: now.toISOString(),
    keys: [],
  };
  return {
    state: { ...state, workflows: [...state.workflows, workflow] },
    event: event('workflow.add', workflow.id, null, { name: workflow.name }),
    result: workflow,
  };
}

export function updateWorkflow(state: VaultState, workflowId: string, raw: WorkflowChanges): Transition<StoredWorkflow> {
  const current = findWorkflow(state, workflowId);
  const changes = validChanges(raw);
  const next: StoredWorkflow = {
    ...current,
    name: changes.name?.trim() || current.name,
    notes: changes.notes ?? current.notes,
    rotationDays: changes.rotationDays ?? current.rotationDays,
  };
  return {
    state: replaceWorkflow(state, next),
    event: event('workflow.update', workflowId, null, { name: next.name, rotationDays: next.rotationDays }),
    result: next,
  };
}

/** R1: refused while a key is active; otherwise the workflow and its inactive keys go. */
export function removeWorkflow(state: VaultState, workflowId: string): Transition<{ deletedKeys: number }> {
  const workflow = findWorkflow(state, workflowId);
  const active = activeKeyOf(workflow);
  if (active) {
    throw new CustodyError(
      'WORKFLOW_HAS_ACTIVE_KEY',
      `Workflow "${workflowId}" has an active key, ${keyInSentence(active)}. Deactivate it before removing the workflow.`,
    );
  }
  return {
    state: { ...state, workflows: state.workflows.filter((w) => w.id !== workflowId) },
    event: event('workflow.remove', workflowId, null, {
      deletedKeys: workflow.keys.length,
      deletedFingerprints: workflow.keys.map((k) => `${k.id}:${k.fingerprint}`).join(','),
    }),
    result: { deletedKeys: workflow.keys.length },
  };
}

/** R5: the same key value (same fingerprint) may be in the vault only once, in any workflow. */
function refuseDuplicate(state: VaultState, fingerprint: string): void {
  for (const workflow of state.workflows) {
    const existing = workflow.keys.find((k) => k.fingerprint === fingerprint);
    if (existing) {
      const scheduled = existing.deletionScheduledFor
        ? ` It is scheduled for deletion on ${readableTime(existing.deletionScheduledFor)}; cancel the deletion to keep it.`
        : '';
      throw new CustodyError(
        'DUPLICATE_KEY',
        `This key is already in the vault: it is ${keyInSentence(existing)} of workflow "${workflow.id}".${scheduled}`,
      );
    }
  }
}

export interface NewKey {
  material: Uint8Array;
  origin: 'generated' | 'imported';
  label?: string;
}

/** R4/R5: the first key of a workflow becomes active; any later key starts inactive. */
export function addKey(state: VaultState, workflowId: string, input: NewKey, now: Date): Transition<StoredKey> {
  const workflow = findWorkflow(state, workflowId);
  const fingerprint = fingerprintOf(input.material);
  refuseDuplicate(state, fingerprint);
  const first = workflow.keys.length === 0;
  const at = now.toISOString();
  const key: StoredKey = {
    id: newKeyId(),
    label: input.label === undefined ? '' : valid(LabelSchema, input.label, 'label'),
    status: first ? 'active' : 'inactive',
    origin: input.origin,
    fingerprint,
    createdAt: at,
    activatedAt: first ? at : null,
    deactivatedAt: null,
    lastMatchedAt: null,
    deletionScheduledFor: null,
    // A copy: the caller zero-fills its own.
    material: Buffer.from(input.material),
  };
  return {
    state: replaceWorkflow(state, { ...workflow, keys: [...workflow.keys, key] }),
    event: event(input.origin === 'generated' ? 'key.add' : 'key.import', workflowId, key, { status: key.status }),
    result: key,
  };
}

/** R6: the key becomes active and the previous active key inactive, in one state. */
export function activateKey(state: VaultState, workflowId: string, keyId: string, now: Date): Transition<StoredKey> {
  const workflow = findWorkflow(state, workflowId);
  const target = findKey(workflow, keyId);
  if (target.status === 'active') {
    throw new CustodyError(
      'INVALID_INPUT',
      `${capitalised(keyInSentence(target))} is already the active key of "${workflowId}".`,
    );
  }
  if (target.deletionScheduledFor) throw scheduledForDeletion(workflowId, target, 'cannot be activated');
  const at = now.toISOString();
  const previous = activeKeyOf(workflow);
  const keys = workflow.keys.map((k): StoredKey => {
    if (k.id === keyId) return { ...k, status: 'active', activatedAt: at, deactivatedAt: null };
    if (k.status === 'active') return { ...k, status: 'inactive', deactivatedAt: at };
    return k;
  });
  const activated = keys.find((k) => k.id === keyId) as StoredKey;
  return {
    state: replaceWorkflow(state, { ...workflow, keys }),
    event: event('key.activate', workflowId, activated, {
      previousKeyId: previous?.id ?? null,
      previousFingerprint: previous?.fingerprint ?? null,
    }),
    result: activated,
  };
}

/** R7: the workflow is left with no active key. */
export function deactivateKey(state: VaultState, workflowId: string, keyId: string, now: Date): Transition<StoredKey> {
  const workflow = findWorkflow(state, workflowId);
  const target = findKey(workflow, keyId);
  if (target.status !== 'active') {
    throw new CustodyError(
      'INVALID_INPUT',
      `${capitalised(keyInSentence(target))} is not active; only the active key can be deactivated.`,
    );
  }
  const deactivated: StoredKey = { ...target, status: 'inactive', deactivatedAt: now.toISOString() };
  return {
    state: replaceWorkflow(state, { ...workflow, keys: workflow.keys.map((k) => (k.id === keyId ? deactivated : k)) }),
    event: event('key.deactivate', workflowId, deactivated),
    result: deactivated,
  };
}

/** A key named at the start of a sentence. */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How a scheduled time reads in a message: to the minute, in UTC, the same on every machine. */
function readableTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function scheduledForDeletion(workflowId: string, key: StoredKey, refused: string): CustodyError {
  return new CustodyError(
    'KEY_DELETION_SCHEDULED',
    `${capitalised(keyInSentence(key))} ${refused}: it is scheduled for deletion on ${readableTime(key.deletionScheduledFor ?? '')}. ` +
      `Cancel the deletion first (custody keys cancel-deletion ${workflowId} ${key.id}); nothing was changed.`,
  );
}

/**
 * R8: only an inactive key can be deleted, whoever asks. R13: the deletion waits for the vault's
 * period, counted from `now` (the clock at delete time); a period of 0 deletes at once. The answer's
 * `deletionScheduledFor` says when; null means the key is already gone.
 */
export function deleteKey(state: VaultState, workflowId: string, keyId: string, now: Date): Transition<StoredKey> {
  const workflow = findWorkflow(state, workflowId);
  const target = findKey(workflow, keyId);
  if (target.status === 'active') {
    throw new CustodyError(
      'ACTIVE_KEY_DELETE_REFUSED',
      `${capitalised(keyInSentence(target))} is the active key of "${workflowId}" and cannot be deleted. Activate another key or deactivate this one first.`,
    );
  }
  if (target.deletionScheduledFor) throw scheduledForDeletion(workflowId, target, 'is already being deleted');
  const waitDays = state.settings.deletionWaitDays;
  if (waitDays === 0) {
    return {
      state: replaceWorkflow(state, { ...workflow, keys: workflow.keys.filter((k) => k.id !== keyId) }),
      event: event('key.delete', workflowId, target),
      result: target,
    };
  }
  const scheduled: StoredKey = { ...target, deletionScheduledFor: new Date(now.getTime() + waitDays * DAY_MS).toISOString() };
  return {
    state: replaceWorkflow(state, { ...workflow, keys: workflow.keys.map((k) => (k.id === keyId ? scheduled : k)) }),
    event: event('key.scheduleDeletion', workflowId, scheduled, {
      scheduledFor: scheduled.deletionScheduledFor,
      waitDays,
    }),
    result: scheduled,
  };
}

/** R13: a scheduled deletion can be cancelled until it takes effect; the key is inactive again. */
export function cancelDeletion(state: VaultState, workflowId: string, keyId: string): Transition<StoredKey> {
  const workflow = findWorkflow(state, workflowId);
  const target = findKey(workflow, keyId);
  if (!target.deletionScheduledFor) {
    throw new CustodyError(
      'INVALID_INPUT',
      `${capitalised(keyInSentence(target))} is not scheduled for deletion; nothing was changed.`,
    );
  }
  const kept: StoredKey = { ...target, deletionScheduledFor: null };
  return {
    state: replaceWorkflow(state, { ...workflow, keys: workflow.keys.map((k) => (k.id === keyId ? kept : k)) }),
    event: event('key.cancelDeletion', workflowId, kept, { scheduledFor: target.deletionScheduledFor }),
    result: kept,
  };
}

/**
 * R13: whether a scheduled deletion takes effect at `now`. Only once the clock has reached the
 * date: a clock set back purges later, never earlier.
 */
function isDue(key: StoredKey, now: Date): boolean {
  return key.deletionScheduledFor !== null && now.getTime() >= Date.parse(key.deletionScheduledFor);
}

/** R13: the keys whose scheduled deletion takes effect at `now`. */
export function dueDeletions(state: VaultState, now: Date): { workflowId: string; keyId: string }[] {
  return state.workflows.flatMap((w) => w.keys.filter((k) => isDue(k, now)).map((k) => ({ workflowId: w.id, keyId: k.id })));
}

/**
 * R13: the key's material leaves the vault; the audit entry keeps its id and fingerprint. Checked
 * again on the newest state: a key another process purged, or whose deletion was cancelled, or
 * that is not due at `now`, is left as it is and nothing is written.
 */
export function purgeKey(state: VaultState, workflowId: string, keyId: string, now: Date): Transition<boolean> {
  const workflow = state.workflows.find((w) => w.id === workflowId);
  const target = workflow?.keys.find((k) => k.id === keyId);
  if (!workflow || !target || !isDue(target, now)) return { state, event: null, result: false };
  return {
    state: replaceWorkflow(state, { ...workflow, keys: workflow.keys.filter((k) => k.id !== keyId) }),
    event: event('key.purge', workflowId, target, { scheduledFor: target.deletionScheduledFor }),
    result: true,
  };
}

/**
 * R4's one exception to R8 (and R13): a just-made key is deleted at once, even when active, while
 * its reveal is open, since nobody holds it yet. The fingerprint must be the key's, and a key that
 * has decrypted a payload was used, so it is refused here (deleting it is R8's business).
 */
export function discardNewKey(state: VaultState, workflowId: string, keyId: string, fingerprint: string): Transition<StoredKey> {
  const workflow = findWorkflow(state, workflowId);
  const target = findKey(workflow, keyId);
  if (target.fingerprint !== fingerprint) {
    throw new CustodyError('INVALID_INPUT', 'This is not the key that was shown; nothing was discarded.');
  }
  if (target.lastMatchedAt !== null) {
    throw new CustodyError(
      'INVALID_INPUT',
      `${capitalised(keyInSentence(target))} has already decrypted payloads, so it was used; nothing was discarded. Deactivate and delete it instead.`,
    );
  }
  return {
    state: replaceWorkflow(state, { ...workflow, keys: workflow.keys.filter((k) => k.id !== keyId) }),
    event: event('key.discard', workflowId, target, { status: target.status }),
    result: target,
  };
}

/**
 * R11: a copy of a just-revealed key is recorded, though nothing in the vault changes. The copied
 * value must be that key's own, so a copy can never be used to smuggle other text.
 */
export function recordKeyCopy(
  state: VaultState,
  workflowId: string,
  keyId: string,
  copiedFingerprint: string,
): Transition<StoredKey> {
  const key = findKey(findWorkflow(state, workflowId), keyId);
  if (key.fingerprint !== copiedFingerprint) {
    throw new CustodyError('INVALID_INPUT', `The value to copy is not ${keyInSentence(key)}; nothing was copied.`);
  }
  return { state, event: event('key.copy', workflowId, key), result: key };
}

/** R11 for what changes nothing in the vault but must be on record: the state as it was, and the event. */
function recordOnly(state: VaultState, action: AuditAction, details: AuditEvent['details']): Transition<void> {
  return { state, event: event(action, null, null, details), result: undefined };
}

/**
 * R11 for Simulate and `custody encrypt`: the workflow's active key, recorded with the byte count
 * of what it is about to seal (never the text). A workflow without one is refused.
 */
export function recordEncrypt(state: VaultState, workflowId: string, bytes: number): Transition<StoredKey> {
  const workflow = findWorkflow(state, workflowId);
  const active = activeKeyOf(workflow);
  if (!active) {
    throw new CustodyError('NOT_FOUND', `Workflow "${workflowId}" has no active key to encrypt with. Activate a key first.`);
  }
  return { state, event: event('payload.encrypt', workflowId, active, { bytes }), result: active };
}

/** R11: a file holding decrypted plaintext was written: where, in which format, how many items. */
export function recordPlaintextExport(state: VaultState, path: string, format: string, items: number): Transition<void> {
  return recordOnly(state, 'plaintext.export', { path, format, items });
}

/** R11: the audit log was written to a file: where, and how many entries. */
export function recordAuditExport(state: VaultState, path: string, entries: number): Transition<void> {
  return recordOnly(state, 'audit.export', { path, entries });
}

/** R11: the vault was moved out of the Windows roaming profile. */
export function recordRelocation(state: VaultState, from: string, to: string): Transition<void> {
  return recordOnly(state, 'vault.relocate', { from, to });
}

/** R2 "last time it decrypted a payload": set once per batch for every key that matched. */
export function markMatched(state: VaultState, keyIds: ReadonlySet<string>, now: Date): VaultState {
  if (keyIds.size === 0) return state;
  const at = now.toISOString();
  return {
    ...state,
    workflows: state.workflows.map((w) =>
      w.keys.some((k) => keyIds.has(k.id))
        ? { ...w, keys: w.keys.map((k) => (keyIds.has(k.id) ? { ...k, lastMatchedAt: at } : k)) }
        : w,
    ),
  };
}

/** R3, checked after every transition before anything is written. */
export function assertOneActiveKeyPerWorkflow(state: VaultState): void {
  for (const workflow of state.workflows) {
    if (workflow.keys.filter((k) => k.status === 'active').length > 1) {
      throw new CustodyError('INTERNAL', `Refusing to write: workflow "${workflow.id}" would have more than one active key.`);
    }
  }
}
