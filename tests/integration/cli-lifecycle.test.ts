import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, KeyInfo } from '../../shared/domain';
import { VAULT_KEY_ACCOUNT } from '../../electron/custody';
import { type CliRun, type CliSandbox, createCliSandbox } from '../support/cli-sandbox';
import { type KeyList, type WorkflowList, fingerprintOfValue, outputOf, parseJson, spellingsOf } from '../support/key-values';

/**
 * One officer's session through the CLI against the real keychain, in order: each step relies on
 * the vault the previous steps left. At the end, no output except `keys add`'s own stdout may
 * hold any key value.
 */
let sandbox: CliSandbox;
const WF = 'onUserTokenGeneration';
const OTHER = 'onPostAuthentication';
const keyValues: string[] = [];
const keyAddStdouts = new Set<CliRun>();

beforeAll(async () => {
  sandbox = await createCliSandbox();
});
afterAll(() => sandbox.cleanup());

async function keysOf(workflow: string): Promise<KeyList> {
  const run = await sandbox.run(['keys', 'list', workflow, '--json']);
  expect(run.code).toBe(0);
  return parseJson<KeyList>(run);
}

async function addKey(workflow: string, label?: string): Promise<{ value: string; key: KeyInfo }> {
  const before = new Set((await keysOf(workflow)).map((k) => k.id));
  const run = await sandbox.run(['keys', 'add', workflow, ...(label ? ['--label', label] : [])]);
  expect(run.code, run.stderr).toBe(0);
  keyAddStdouts.add(run);
  const value = run.stdout.trimEnd();
  keyValues.push(value);
  const key = (await keysOf(workflow)).find((k) => !before.has(k.id))!;
  return { value, key };
}

function expectFailure(run: CliRun, code: string): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain(`error ${code}:`);
}

describe('the key lifecycle through the `custody` CLI, against the real keychain', () => {
  let first: { value: string; key: KeyInfo };
  let second: { value: string; key: KeyInfo };

  it('init creates a sealed vault (0600 in a 0700 folder) and one keychain item; a second init changes nothing', async () => {
    const run = await sandbox.run(['init']);
    expect(run.code, run.stderr).toBe(0);
    // One item: a 32-byte secret and the new vault's generation (R17), nothing else.
    const item = JSON.parse((await sandbox.keychain.get(sandbox.service, VAULT_KEY_ACCOUNT)) ?? 'null') as {
      secret: string;
      vaults: Record<string, { generation: number }>;
    };
    expect(item.secret).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Object.values(item.vaults).map((v) => v.generation)).toHaveLength(1);
    expect((await stat(sandbox.vaultPath)).mode & 0o777).toBe(0o600);
    expect((await stat(sandbox.home)).mode & 0o777).toBe(0o700);
    const before = await sandbox.snapshot();
    expectFailure(await sandbox.run(['init']), 'ALREADY_EXISTS');
    expect(await sandbox.snapshot()).toEqual(before);
  });

  it('R1 adds workflows by Kinde id with a display name; a duplicate id is refused (ALREADY_EXISTS)', async () => {
    expect((await sandbox.run(['workflows', 'add', WF, '--name', 'Token generation'])).code).toBe(0);
    expect((await sandbox.run(['workflows', 'add', OTHER])).code).toBe(0);
    expectFailure(await sandbox.run(['workflows', 'add', WF]), 'ALREADY_EXISTS');
    const list = parseJson<WorkflowList>(await sandbox.run(['workflows', 'list', '--json']));
    expect(list.map((w) => [w.id, w.name, w.rotationDays, w.noActiveKey])).toEqual([
      [WF, 'Token generation', 90, true],
      [OTHER, OTHER, 90, true],
    ]);
  });

  it('workflows rename changes the display name only', async () => {
    expect((await sandbox.run(['workflows', 'rename', OTHER, 'Post authentication'])).code).toBe(0);
    const list = parseJson<WorkflowList>(await sandbox.run(['workflows', 'list', '--json']));
    expect(list.find((w) => w.id === OTHER)?.name).toBe('Post authentication');
  });

  it('R4 keys add prints a fresh 32-byte value once, alone on stdout, and makes the first key active', async () => {
    first = await addKey(WF, 'first');
    const run = [...keyAddStdouts].at(-1)!;
    expect(run.stdout).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(Buffer.from(first.value, 'base64')).toHaveLength(32);
    expect(run.stderr).toContain('cannot be viewed again');
    expect(first.key).toMatchObject({
      status: 'active',
      origin: 'generated',
      label: 'first',
      fingerprint: fingerprintOfValue(first.value),
    });
    const list = parseJson<WorkflowList>(await sandbox.run(['workflows', 'list', '--json']));
    expect(list.find((w) => w.id === WF)).toMatchObject({ activeKeyId: first.key.id, noActiveKey: false, keyCount: 1 });
  });

  it('R4 a second key added to a workflow that has one stays inactive', async () => {
    second = await addKey(WF, 'second');
    expect(second.value).not.toBe(first.value);
    expect(second.key.status).toBe('inactive');
    expect((await keysOf(WF)).map((k) => [k.id, k.status])).toEqual([
      [first.key.id, 'active'],
      [second.key.id, 'inactive'],
    ]);
  });

  it('R6 activate makes the inactive key active and the previous one inactive, in one step', async () => {
    const run = await sandbox.run(['keys', 'activate', WF, second.key.id, '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect((await keysOf(WF)).map((k) => [k.id, k.status])).toEqual([
      [second.key.id, 'active'],
      [first.key.id, 'inactive'],
    ]);
    expectFailure(await sandbox.run(['keys', 'activate', WF, second.key.id, '--yes']), 'INVALID_INPUT');
  });

  it('R10 decrypt tries the active key, then inactive keys, and names the key and layout that matched', async () => {
    const keyFile = await sandbox.file('first-key.txt', `${first.value}\n`);
    const sealed = await sandbox.run(['encrypt', '--key-file', keyFile], { input: '{"user":"officer"}' });
    expect(sealed.code).toBe(0);
    const payload = await sandbox.file('sealed-with-first.txt', sealed.stdout);

    const byWorkflow = await sandbox.run(['decrypt', '--workflow', WF, '--json', payload]);
    expect(byWorkflow.code, byWorkflow.stderr).toBe(0);
    expect(JSON.parse(byWorkflow.stdout)).toEqual({
      source: payload,
      ok: true,
      plaintext: '{"user":"officer"}',
      plaintextBytes: 18,
      layout: 'nonce-tag-ciphertext',
      key: { id: first.key.id, workflowId: WF, label: 'first', status: 'inactive', fingerprint: first.key.fingerprint, index: 1 },
    });

    const anyWorkflow = await sandbox.run(['decrypt', '--any', '--json', payload]);
    expect(JSON.parse(anyWorkflow.stdout)).toMatchObject({ ok: true, key: { id: first.key.id } });

    expectFailure(await sandbox.run(['decrypt', '--workflow', OTHER, payload]), 'NO_MATCHING_KEY');
    expect((await keysOf(WF)).find((k) => k.id === first.key.id)?.lastMatchedAt).not.toBeNull();
  });

  it('encrypt --workflow seals with the active key, as secureFetch would', async () => {
    const sealed = await sandbox.run(['encrypt', '--workflow', WF], { input: 'ping' });
    expect(sealed.code, sealed.stderr).toBe(0);
    expect(sealed.stderr).toContain(second.key.id);
    const payload = await sandbox.file('sealed-with-active.txt', sealed.stdout);
    const opened = await sandbox.run(['decrypt', '--workflow', WF, '--json', payload]);
    expect(JSON.parse(opened.stdout)).toMatchObject({ plaintext: 'ping', key: { id: second.key.id, index: 0 } });
    expectFailure(await sandbox.run(['encrypt', '--workflow', OTHER], { input: 'ping' }), 'NOT_FOUND');
  });

  it('R8 deleting the active key is refused (ACTIVE_KEY_DELETE_REFUSED, exit 1) and changes nothing', async () => {
    const before = await sandbox.snapshot();
    expectFailure(await sandbox.run(['keys', 'delete', WF, second.key.id, '--yes']), 'ACTIVE_KEY_DELETE_REFUSED');
    expect(await sandbox.snapshot()).toEqual(before);
  });

  it('R5 import takes a dashboard key from a file or stdin; a key already in the vault is DUPLICATE_KEY', async () => {
    const dashboardKey = randomBytes(32).toString('base64url');
    keyValues.push(Buffer.from(dashboardKey, 'base64url').toString('base64'));
    const imported = await sandbox.run(['keys', 'import', OTHER, '--key-file', '-', '--label', 'from dashboard'], {
      input: `  ${dashboardKey}\n`,
    });
    expect(imported.code, imported.stderr).toBe(0);
    expect(await keysOf(OTHER)).toEqual([
      expect.objectContaining({
        status: 'active',
        origin: 'imported',
        label: 'from dashboard',
        fingerprint: fingerprintOfValue(dashboardKey),
      }),
    ]);

    const before = await sandbox.snapshot();
    const again = await sandbox.file('dashboard-key.txt', `${dashboardKey}\n`);
    expectFailure(await sandbox.run(['keys', 'import', OTHER, '--key-file', again]), 'DUPLICATE_KEY');
    const generatedElsewhere = await sandbox.file('second-key.txt', `${second.value}\n`);
    expectFailure(await sandbox.run(['keys', 'import', OTHER, '--key-file', generatedElsewhere]), 'DUPLICATE_KEY');
    expect(await sandbox.snapshot()).toEqual(before);
  });

  it('R1 removing a workflow that holds an active key is refused (WORKFLOW_HAS_ACTIVE_KEY)', async () => {
    const before = await sandbox.snapshot();
    expectFailure(await sandbox.run(['workflows', 'remove', WF, '--yes']), 'WORKFLOW_HAS_ACTIVE_KEY');
    expect(await sandbox.snapshot()).toEqual(before);
  });

  it('R7 deactivate leaves the workflow with no active key, flagged "No active key"', async () => {
    expect((await sandbox.run(['keys', 'deactivate', WF, second.key.id, '--yes'])).code).toBe(0);
    const list = parseJson<WorkflowList>(await sandbox.run(['workflows', 'list', '--json']));
    expect(list.find((w) => w.id === WF)).toMatchObject({ activeKeyId: null, noActiveKey: true });
    expect((await sandbox.run(['workflows', 'list'])).stdout).toContain('No active key');
  });

  it('R8 an inactive key can be deleted; the audit log keeps its id and fingerprint', async () => {
    // At once, with R13's waiting period at 0 (the waiting itself: cli-deletion.test.ts).
    await sandbox.core().updateSettings({ deletionWaitDays: 0 });
    expect((await sandbox.run(['keys', 'delete', WF, first.key.id, '--yes'])).code).toBe(0);
    expect((await keysOf(WF)).map((k) => k.id)).toEqual([second.key.id]);
    const audit = await sandbox.run(['audit', '--json']);
    const entries = audit.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEntry);
    expect(entries.find((e) => e.action === 'key.delete')).toMatchObject({
      keyId: first.key.id,
      fingerprint: first.key.fingerprint,
    });
  });

  it('R1 removing a workflow with only inactive keys deletes them', async () => {
    const run = await sandbox.run(['workflows', 'remove', WF, '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('1 inactive key');
    const list = parseJson<WorkflowList>(await sandbox.run(['workflows', 'list', '--json']));
    expect(list.map((w) => w.id)).toEqual([OTHER]);
    expectFailure(await sandbox.run(['keys', 'list', WF]), 'NOT_FOUND');
  });

  it('R11 every change is in the audit log, with the OS user, and the chain verifies', async () => {
    const audit = await sandbox.run(['audit', '--json']);
    const actions = audit.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as AuditEntry).action);
    expect(actions).toEqual([
      'vault.init',
      'workflow.add',
      'workflow.add',
      'workflow.update',
      'key.add',
      'key.add',
      'key.activate',
      'decrypt.batch',
      'decrypt.batch',
      'decrypt.batch',
      'payload.encrypt',
      'decrypt.batch',
      'key.import',
      'key.deactivate',
      'settings.update',
      'key.delete',
      'workflow.remove',
    ]);
    const verify = await sandbox.run(['audit', '--verify']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toContain(`${actions.length} entries`);
  });

  it('R4 no command output ever contained a key value, except the one `keys add` printed it for', () => {
    expect(keyValues).toHaveLength(3);
    expect(sandbox.runs.length).toBeGreaterThan(30);
    for (const run of sandbox.runs) {
      const shown = keyAddStdouts.has(run) ? run.stderr : outputOf(run);
      for (const value of keyValues) for (const spelling of spellingsOf(value)) expect(shown).not.toContain(spelling);
    }
    for (const run of keyAddStdouts) expect(keyValues).toContain(run.stdout.trimEnd());
  });
});
