import { LabelSchema, NotesSchema, WorkflowNameSchema } from '../../shared/domain';
import { fingerprintOf } from './key-material';
import type { StoredKey, StoredWorkflow, VaultState } from './vault-state';

const KEY_BYTES = 32;

const isTime = (text: string | null): boolean => text === null || !Number.isNaN(Date.parse(text));

/** R2, R3, R6–R8, R13 for one key; what is wrong, or null. */
function keyProblem(workflow: StoredWorkflow, key: StoredKey): string | null {
  const where = `key ${key.id} of workflow "${workflow.id}"`;
  if (key.material.length !== KEY_BYTES) return `${where} is not a 32-byte key`;
  if (fingerprintOf(key.material) !== key.fingerprint) return `${where} does not match its fingerprint`;
  if (!LabelSchema.safeParse(key.label).success) return `${where} has a label the app does not accept`;
  const times = [key.createdAt, key.activatedAt, key.deactivatedAt, key.lastMatchedAt, key.deletionScheduledFor];
  if (!times.every(isTime)) return `${where} has a time that is not a date`;
  if (key.status === 'active' && key.activatedAt === null) return `${where} is active but was never activated`;
  if (key.status === 'active' && key.deletionScheduledFor !== null) return `${where} is active and scheduled for deletion`;
  return null;
}

/** R1 and R12 for one workflow (its id and rotation period are checked by the state's schema). */
function workflowProblem(workflow: StoredWorkflow): string | null {
  const where = `workflow "${workflow.id}"`;
  if (!WorkflowNameSchema.safeParse(workflow.name).success) return `${where} has a name the app does not accept`;
  if (!NotesSchema.safeParse(workflow.notes).success) return `${where} has notes the app does not accept`;
  if (!isTime(workflow.createdAt)) return `${where} has a creation time that is not a date`;
  if (workflow.keys.filter((k) => k.status === 'active').length > 1) return `${where} has more than one active key (R3)`;
  for (const key of workflow.keys) {
    const problem = keyProblem(workflow, key);
    if (problem) return problem;
  }
  return null;
}

/**
 * A whole state as the rules (R1–R13) could have left it, checked before a restore writes it: the
 * state's schema has checked the shapes (ids, statuses, settings' bounds); this checks what the
 * rules add across records. Returns what is wrong, or null.
 */
export function vaultStateProblem(state: VaultState): string | null {
  if (state.auditTail === null) return 'it has no audit log';
  const workflowIds = new Set<string>();
  const keyIds = new Set<string>();
  const fingerprints = new Set<string>();
  for (const workflow of state.workflows) {
    if (workflowIds.has(workflow.id)) return `workflow "${workflow.id}" is in it twice (R1)`;
    workflowIds.add(workflow.id);
    const problem = workflowProblem(workflow);
    if (problem) return problem;
    for (const key of workflow.keys) {
      if (keyIds.has(key.id)) return `key ${key.id} is in it twice (R2)`;
      if (fingerprints.has(key.fingerprint)) return `the key with fingerprint ${key.fingerprint} is in it twice (R5)`;
      keyIds.add(key.id);
      fingerprints.add(key.fingerprint);
    }
  }
  return null;
}
