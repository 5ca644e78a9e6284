import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CoreFixture, createCoreFixture } from '../support/core-fixture';

let fx: CoreFixture;
beforeEach(async () => {
  fx = await createCoreFixture();
});
afterEach(() => fx.cleanup());

const SEVEN_DAYS_LATER = '2026-01-08T00:00:00.000Z';
const WORKFLOW = { mode: 'workflow', workflowId: 'wf' } as const;

/** A workflow with an active key and an inactive one; the inactive one is the key to delete. */
async function workflowWithSpareKey() {
  await fx.custody.addWorkflow({ id: 'wf' });
  const active = await fx.custody.addKey('wf');
  const spare = await fx.custody.addKey('wf');
  return { active: active.key, spare: spare.key };
}

/** A payload sealed with the spare key, which is then scheduled for deletion while the other key is active again. */
async function payloadOfScheduledKey() {
  const { active, spare } = await workflowWithSpareKey();
  await fx.custody.activateKey('wf', spare.id);
  const { payload } = await fx.custody.encrypt('wf', Buffer.from('{"sealed":"with spare"}'));
  await fx.custody.activateKey('wf', active.id);
  await fx.custody.deleteKey('wf', spare.id);
  return { payload, spare };
}

async function keyIds(): Promise<string[]> {
  return (await fx.custody.listKeys('wf')).map((k) => k.id);
}

async function lastAudit() {
  return (await fx.custody.auditEntries()).at(-1);
}

describe('R13 deleting schedules the key for the waiting period', () => {
  it('schedules an inactive key 7 days out by default; it stays listed with its date, and the schedule is audited', async () => {
    const { spare } = await workflowWithSpareKey();
    const answer = await fx.custody.deleteKey('wf', spare.id);
    expect(answer).toMatchObject({ id: spare.id, status: 'inactive', deletionScheduledFor: SEVEN_DAYS_LATER });
    expect((await fx.custody.listKeys('wf')).find((k) => k.id === spare.id)?.deletionScheduledFor).toBe(SEVEN_DAYS_LATER);
    // The workflow says so too, for the sidebar's "Needs attention" filter.
    expect((await fx.custody.getWorkflow('wf')).deletionScheduled).toBe(true);
    expect(await lastAudit()).toMatchObject({
      action: 'key.scheduleDeletion',
      keyId: spare.id,
      fingerprint: spare.fingerprint,
      details: { scheduledFor: SEVEN_DAYS_LATER, waitDays: 7 },
    });
  });

  it('counts the period set in the vault from the clock at delete time', async () => {
    await fx.custody.updateSettings({ deletionWaitDays: 30 });
    const { spare } = await workflowWithSpareKey();
    fx.clock.now = new Date('2026-02-10T12:30:00Z');
    expect((await fx.custody.deleteKey('wf', spare.id)).deletionScheduledFor).toBe('2026-03-12T12:30:00.000Z');
  });

  it('with a period of 0 deletes at once, as the dashboard does, and audits the deletion', async () => {
    await fx.custody.updateSettings({ deletionWaitDays: 0 });
    const { spare } = await workflowWithSpareKey();
    expect((await fx.custody.deleteKey('wf', spare.id)).deletionScheduledFor).toBeNull();
    expect(await keyIds()).not.toContain(spare.id);
    expect(await lastAudit()).toMatchObject({ action: 'key.delete', keyId: spare.id, fingerprint: spare.fingerprint });
  });

  it('still refuses the active key (R8), and a key already scheduled (KEY_DELETION_SCHEDULED)', async () => {
    const { active, spare } = await workflowWithSpareKey();
    await expect(fx.custody.deleteKey('wf', active.id)).rejects.toMatchObject({ code: 'ACTIVE_KEY_DELETE_REFUSED' });
    await fx.custody.deleteKey('wf', spare.id);
    await expect(fx.custody.deleteKey('wf', spare.id)).rejects.toMatchObject({
      code: 'KEY_DELETION_SCHEDULED',
      message: expect.stringContaining('2026-01-08 00:00 UTC'),
    });
  });

  it('refuses a waiting period outside 0–30 days and changes nothing', async () => {
    await expect(fx.custody.updateSettings({ deletionWaitDays: 31 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(fx.custody.updateSettings({ deletionWaitDays: -1 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(fx.custody.updateSettings({ deletionWaitDays: 1.5 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await fx.custody.settings()).deletionWaitDays).toBe(7);
  });

  it('audits a change of the period old → new, and keeps it when another setting changes', async () => {
    await fx.custody.updateSettings({ deletionWaitDays: 14 });
    expect(await lastAudit()).toMatchObject({
      action: 'settings.update',
      details: { 'deletionWaitDays.from': 7, 'deletionWaitDays.to': 14 },
    });
    await fx.custody.updateSettings({ idleMinutes: 10 });
    expect((await fx.custody.settings()).deletionWaitDays).toBe(14);
  });
});

describe('R13 a scheduled key is out of use', () => {
  it('cannot be activated (KEY_DELETION_SCHEDULED) and the active key stays active', async () => {
    const { active, spare } = await workflowWithSpareKey();
    await fx.custody.deleteKey('wf', spare.id);
    await expect(fx.custody.activateKey('wf', spare.id)).rejects.toMatchObject({
      code: 'KEY_DELETION_SCHEDULED',
      message: expect.stringContaining(`custody keys cancel-deletion wf ${spare.id}`),
    });
    expect((await fx.custody.getWorkflow('wf')).activeKeyId).toBe(active.id);
  });

  it('is not tried by decrypt, in one workflow or in any workflow', async () => {
    const { payload, spare } = await payloadOfScheduledKey();
    expect((await fx.custody.candidates(WORKFLOW)).map((c) => c.id)).not.toContain(spare.id);
    for (const scope of [WORKFLOW, { mode: 'any' } as const]) {
      const [result] = await fx.custody.decrypt([{ source: 'paste', text: payload }], scope);
      expect(result).toMatchObject({ ok: false, error: { code: 'NO_MATCHING_KEY' } });
    }
  });

  it('is tried again once the deletion is cancelled, and can then be activated', async () => {
    const { payload, spare } = await payloadOfScheduledKey();
    expect(await fx.custody.cancelDeletion('wf', spare.id)).toMatchObject({ status: 'inactive', deletionScheduledFor: null });
    expect((await fx.custody.getWorkflow('wf')).deletionScheduled).toBe(false);
    expect(await lastAudit()).toMatchObject({
      action: 'key.cancelDeletion',
      keyId: spare.id,
      details: { scheduledFor: SEVEN_DAYS_LATER },
    });
    const [result] = await fx.custody.decrypt([{ source: 'paste', text: payload }], WORKFLOW);
    expect(result).toMatchObject({ ok: true, key: { id: spare.id } });
    expect((await fx.custody.activateKey('wf', spare.id)).status).toBe('active');
  });

  it('cancelling a key that is not scheduled is refused and changes nothing', async () => {
    const { spare } = await workflowWithSpareKey();
    const entries = (await fx.custody.auditEntries()).length;
    await expect(fx.custody.cancelDeletion('wf', spare.id)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fx.custody.auditEntries()).toHaveLength(entries);
  });

  it('names the scheduled deletion when the same key value is imported again', async () => {
    await fx.custody.addWorkflow({ id: 'wf' });
    await fx.custody.importKey('wf', 'xfraESl2NR3TfPcFl1T+frNXLOrCdbGQ6EVS7aWpPlI=');
    const spare = await fx.custody.importKey('wf', 'cEBM7w6rNWNYxdnXjCTXDAuJ/2L+VskLs8xnJOOKMQA=');
    await fx.custody.deleteKey('wf', spare.id);
    await expect(fx.custody.importKey('wf', 'cEBM7w6rNWNYxdnXjCTXDAuJ/2L+VskLs8xnJOOKMQA=')).rejects.toMatchObject({
      code: 'DUPLICATE_KEY',
      message: expect.stringContaining('scheduled for deletion'),
    });
  });
});

describe('R13 the purge', () => {
  it('does nothing before the date, even a millisecond before', async () => {
    const { spare } = await workflowWithSpareKey();
    await fx.custody.deleteKey('wf', spare.id);
    fx.clock.now = new Date(Date.parse(SEVEN_DAYS_LATER) - 1);
    expect(await fx.custody.purgeDueDeletions()).toBe(0);
    expect(await keyIds()).toContain(spare.id);
  });

  it('purges at the date on the first open, from any handle on the vault, and audits id and fingerprint', async () => {
    const { spare } = await workflowWithSpareKey();
    await fx.custody.deleteKey('wf', spare.id);
    fx.clock.now = new Date(SEVEN_DAYS_LATER);
    // Another process (the CLI, another window) opening the vault is enough.
    expect((await fx.another().listKeys('wf')).map((k) => k.id)).not.toContain(spare.id);
    const purges = (await fx.custody.auditEntries()).filter((e) => e.action === 'key.purge');
    expect(purges).toEqual([
      expect.objectContaining({ keyId: spare.id, fingerprint: spare.fingerprint, details: { scheduledFor: SEVEN_DAYS_LATER } }),
    ]);
    expect(await fx.custody.verifyAudit()).toMatchObject({ ok: true });
  });

  it('purges before a change is made, so the change sees the vault without the key', async () => {
    const { spare } = await workflowWithSpareKey();
    await fx.custody.deleteKey('wf', spare.id);
    fx.clock.now = new Date('2026-02-01T00:00:00Z');
    await expect(fx.custody.cancelDeletion('wf', spare.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await fx.custody.auditEntries()).filter((e) => e.action === 'key.purge')).toHaveLength(1);
  });

  it('purges every due key once, each with its own audit entry, and none twice', async () => {
    await fx.custody.addWorkflow({ id: 'wf' });
    await fx.custody.addKey('wf');
    const a = await fx.custody.addKey('wf');
    const b = await fx.custody.addKey('wf');
    await fx.custody.deleteKey('wf', a.key.id);
    await fx.custody.deleteKey('wf', b.key.id);
    fx.clock.now = new Date('2026-01-09T00:00:00Z');
    expect(await fx.custody.purgeDueDeletions()).toBe(2);
    expect(await fx.custody.purgeDueDeletions()).toBe(0);
    const purged = (await fx.custody.auditEntries()).filter((e) => e.action === 'key.purge').map((e) => e.keyId);
    expect(purged.sort()).toEqual([a.key.id, b.key.id].sort());
  });

  it('never purges early with a clock set back after scheduling', async () => {
    const { spare } = await workflowWithSpareKey();
    await fx.custody.deleteKey('wf', spare.id);
    fx.clock.now = new Date('2025-06-01T00:00:00Z');
    expect(await fx.custody.purgeDueDeletions()).toBe(0);
    expect(await keyIds()).toContain(spare.id);
    fx.clock.now = new Date(SEVEN_DAYS_LATER);
    expect(await fx.custody.purgeDueDeletions()).toBe(1);
  });

  it('with a clock set forward at delete time and then set right, the key waits longer, never less', async () => {
    const { spare } = await workflowWithSpareKey();
    fx.clock.now = new Date('2027-01-01T00:00:00Z');
    const scheduled = await fx.custody.deleteKey('wf', spare.id);
    expect(scheduled.deletionScheduledFor).toBe('2027-01-08T00:00:00.000Z');
    fx.clock.now = new Date(SEVEN_DAYS_LATER);
    expect(await fx.custody.purgeDueDeletions()).toBe(0);
    expect(await keyIds()).toContain(spare.id);
  });
});

describe('R1 removing a workflow with only inactive keys', () => {
  it('deletes its keys at once, scheduled ones included, and the audit entry lists each id and fingerprint', async () => {
    const { active, spare } = await workflowWithSpareKey();
    await fx.custody.deleteKey('wf', spare.id);
    await fx.custody.deactivateKey('wf', active.id);
    expect(await fx.custody.removeWorkflow('wf')).toEqual({ deletedKeys: 2 });
    expect(await lastAudit()).toMatchObject({
      action: 'workflow.remove',
      details: { deletedFingerprints: expect.stringContaining(`${spare.id}:${spare.fingerprint}`) },
    });
  });
});
