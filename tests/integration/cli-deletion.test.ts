import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, KeyInfo } from '../../shared/domain';
import { type CliRun, type CliSandbox, createCliSandbox } from '../support/cli-sandbox';
import { type KeyList, parseJson } from '../support/key-values';

/**
 * R13 through the `custody` CLI against the real keychain, in order: a deletion waits, says when,
 * can be cancelled, and is purged once its date has come (a handle on the same vault with a clock
 * days ahead stands in for the calendar). With a period of 0 the key goes at once.
 */
let sandbox: CliSandbox;
const WF = 'onUserTokenGeneration';
const DAY_MS = 24 * 60 * 60 * 1000;
let spare: KeyInfo;

beforeAll(async () => {
  sandbox = await createCliSandbox();
  await sandbox.runAll([['init'], ['workflows', 'add', WF], ['keys', 'add', WF], ['keys', 'add', WF]]);
  const keys = await keysOf();
  spare = keys.find((k) => k.status === 'inactive')!;
});
afterAll(() => sandbox.cleanup());

async function keysOf(): Promise<KeyList> {
  const run = await sandbox.run(['keys', 'list', WF, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return parseJson<KeyList>(run);
}

async function auditEntries(): Promise<AuditEntry[]> {
  const run = await sandbox.run(['audit', '--json']);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as AuditEntry);
}

function expectSuccess(run: CliRun): void {
  expect(run.code, run.stderr).toBe(0);
}

describe('R13 the deletion waiting period through the CLI, against the real keychain', () => {
  it('keys delete schedules an inactive key and says when, and how to cancel', async () => {
    const run = await sandbox.run(['keys', 'delete', WF, spare.id, '--yes']);
    expectSuccess(run);
    expect(run.stdout).toMatch(/^Deletion scheduled for \d{4}-\d\d-\d\d \d\d:\d\dZ \(in 7 days\)/);
    expect(run.stdout).toContain(`Cancel with: custody keys cancel-deletion ${WF} ${spare.id}`);
  });

  it('keys list shows the scheduled key with its date; it is not purged early', async () => {
    const listed = (await keysOf()).find((k) => k.id === spare.id);
    const scheduledFor = Date.parse(listed?.deletionScheduledFor ?? '');
    expect(Math.abs(scheduledFor - (Date.now() + 7 * DAY_MS))).toBeLessThan(60_000);
    const table = await sandbox.run(['keys', 'list', WF]);
    expect(table.stdout).toContain('DELETION SCHEDULED FOR');
    expect(table.stdout).toContain(listed?.deletionScheduledFor?.slice(0, 10));
  });

  it('a scheduled key cannot be activated (KEY_DELETION_SCHEDULED, exit 1), nor deleted again', async () => {
    const activate = await sandbox.run(['keys', 'activate', WF, spare.id, '--yes']);
    expect(activate.code).toBe(1);
    expect(activate.stderr).toContain('error KEY_DELETION_SCHEDULED:');
    expect(activate.stderr).toContain(`custody keys cancel-deletion ${WF} ${spare.id}`);
    expect((await sandbox.run(['keys', 'delete', WF, spare.id, '--yes'])).stderr).toContain('error KEY_DELETION_SCHEDULED:');
  });

  it('keys cancel-deletion keeps the key, inactive; cancelling again is refused', async () => {
    const run = await sandbox.run(['keys', 'cancel-deletion', WF, spare.id]);
    expectSuccess(run);
    expect(run.stdout).toContain(`Cancelled the deletion of ${spare.id}`);
    expect((await keysOf()).find((k) => k.id === spare.id)).toMatchObject({ status: 'inactive', deletionScheduledFor: null });
    const again = await sandbox.run(['keys', 'cancel-deletion', WF, spare.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('error INVALID_INPUT:');
  });

  it('once its date has come, the first open purges the key; the audit log keeps its id and fingerprint and verifies', async () => {
    expectSuccess(await sandbox.run(['keys', 'delete', WF, spare.id, '--yes']));
    const eightDaysOn = sandbox.core(() => new Date(Date.now() + 8 * DAY_MS));
    expect((await eightDaysOn.listKeys(WF)).map((k) => k.id)).not.toContain(spare.id);
    expect((await keysOf()).map((k) => k.id)).not.toContain(spare.id);
    const entries = await auditEntries();
    expect(entries.filter((e) => e.keyId === spare.id).map((e) => e.action)).toEqual([
      'key.add',
      'key.scheduleDeletion',
      'key.cancelDeletion',
      'key.scheduleDeletion',
      'key.purge',
    ]);
    expect(entries.at(-1)).toMatchObject({ action: 'key.purge', fingerprint: spare.fingerprint });
    expectSuccess(await sandbox.run(['audit', '--verify']));
  });

  it('with a waiting period of 0, keys delete deletes at once and says so', async () => {
    await sandbox.core().updateSettings({ deletionWaitDays: 0 });
    expectSuccess(await sandbox.run(['keys', 'add', WF]));
    const extra = (await keysOf()).find((k) => k.status === 'inactive')!;
    const run = await sandbox.run(['keys', 'delete', WF, extra.id, '--yes']);
    expectSuccess(run);
    expect(run.stdout).toMatch(/^Deleted /);
    expect((await keysOf()).map((k) => k.id)).not.toContain(extra.id);
    expect((await auditEntries()).at(-1)).toMatchObject({ action: 'key.delete', keyId: extra.id });
  });
});
