import { copyFile, mkdtemp, readdir, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VAULT_KEY_ACCOUNT } from '../../electron/custody';
import { type CliRun, type CliSandbox, createCliSandbox, runCustody } from '../support/cli-sandbox';

/** R17 through the built CLI against the real keychain (gnome-keyring in CI). */
let sandbox: CliSandbox;
const WF = 'onUserTokenGeneration';

beforeEach(async () => {
  sandbox = await createCliSandbox();
  await sandbox.runAll([['init'], ['workflows', 'add', WF]]);
});
afterEach(() => sandbox.cleanup());

function expectFailure(run: CliRun, code: string): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain(`error ${code}:`);
}

function expectSuccess(run: CliRun): void {
  expect(run.code, run.stderr).toBe(0);
}

async function keyIds(): Promise<string[]> {
  const run = await sandbox.run(['keys', 'list', WF, '--json']);
  expectSuccess(run);
  return (JSON.parse(run.stdout) as { id: string }[]).map((k) => k.id);
}

describe('an older vault.json is VAULT_ROLLED_BACK until accepted', () => {
  it('refuses it with what to do, then recover --accept-rollback opens it, audited, and the audit verifies', async () => {
    const aside = join(sandbox.home, '..', 'vault.aside.json');
    await copyFile(sandbox.vaultPath, aside);
    expectSuccess(await sandbox.run(['keys', 'add', WF]));
    expect(await keyIds()).toHaveLength(1);
    await copyFile(aside, sandbox.vaultPath);

    const before = await sandbox.snapshot();
    const refused = await sandbox.run(['keys', 'list', WF]);
    expectFailure(refused, 'VAULT_ROLLED_BACK');
    expect(refused.stderr).toContain('custody recover --accept-rollback');
    expect(refused.stderr).toMatch(/restore/i);
    expectFailure(await sandbox.run(['workflows', 'add', 'another']), 'VAULT_ROLLED_BACK');
    expect(await sandbox.snapshot()).toEqual(before);

    // Without a terminal, accepting needs --yes, and changes nothing without it.
    expect((await sandbox.run(['recover', '--accept-rollback'])).code).toBe(2);
    expect(await sandbox.snapshot()).toEqual(before);

    const accepted = await sandbox.run(['recover', '--accept-rollback', '--yes']);
    expectSuccess(accepted);
    expect(accepted.stdout).toContain('content generation 1 over 2');
    expect(await keyIds()).toEqual([]);
    const verify = await sandbox.run(['audit', '--verify']);
    expectSuccess(verify);
    const audit = await sandbox.run(['audit', '--json']);
    const last = audit.stdout.trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({
      action: 'vault.acceptRollback',
      details: { acceptedGeneration: 1, recordedGeneration: 2 },
    });
    // Accepting twice is refused: nothing is older any more.
    expectFailure(await sandbox.run(['recover', '--accept-rollback', '--yes']), 'INVALID_INPUT');
  });

  it('a vault.json newer than the keychain record (a crash between the two writes) opens and the record catches up', async () => {
    const item = JSON.parse((await sandbox.keychain.get(sandbox.service, VAULT_KEY_ACCOUNT)) ?? '{}') as {
      vaults: Record<string, { generation: number }>;
    };
    const [vaultId = ''] = Object.keys(item.vaults);
    expect(item.vaults[vaultId]?.generation).toBe(1);
    const behind = { ...item, vaults: { [vaultId]: { ...item.vaults[vaultId], generation: 0 } } };
    await sandbox.keychain.set(sandbox.service, VAULT_KEY_ACCOUNT, JSON.stringify(behind));
    expect(await keyIds()).toEqual([]);
    const after = JSON.parse((await sandbox.keychain.get(sandbox.service, VAULT_KEY_ACCOUNT)) ?? '{}') as typeof item;
    expect(after.vaults[vaultId]?.generation).toBe(1);
  });
});

describe('a keychain item without its vault.json is VAULT_MISSING, never a new empty vault', () => {
  it('keys list and init refuse; init --new discards the old key, says so, and starts a vault whose audit verifies', async () => {
    const oldItem = await sandbox.keychain.get(sandbox.service, VAULT_KEY_ACCOUNT);
    await unlink(sandbox.vaultPath);
    const listed = await sandbox.run(['keys', 'list', WF]);
    expectFailure(listed, 'VAULT_MISSING');
    expect(listed.stderr).toContain('custody init --new');
    const init = await sandbox.run(['init']);
    expectFailure(init, 'VAULT_MISSING');
    expect(await sandbox.snapshot()).toMatchObject({ vault: null });
    expect(await sandbox.keychain.get(sandbox.service, VAULT_KEY_ACCOUNT)).toBe(oldItem);

    expect((await sandbox.run(['init', '--new'])).code).toBe(2);
    const fresh = await sandbox.run(['init', '--new', '--yes']);
    expectSuccess(fresh);
    expect(fresh.stdout).toMatch(/Discarded the key of vault [0-9a-f]+ \(content generation 1\)/);
    expect(fresh.stdout).toContain('The old audit log was kept as');
    expect(await sandbox.keychain.get(sandbox.service, VAULT_KEY_ACCOUNT)).not.toBe(oldItem);
    const list = await sandbox.run(['workflows', 'list', '--json']);
    expectSuccess(list);
    expect(JSON.parse(list.stdout)).toEqual([]);
    expectSuccess(await sandbox.run(['audit', '--verify']));
    expect((await readdir(sandbox.home)).some((name) => name.startsWith('audit.discarded-'))).toBe(true);
  });
});

describe('two CUSTODY_HOMEs on one keychain service', () => {
  it('do not clash: each is its own vault, and a rollback or a missing file in one leaves the other alone', async () => {
    const otherRoot = await mkdtemp(join(tmpdir(), 'custody-cli-other-'));
    const other = { ...sandbox.env, CUSTODY_HOME: join(otherRoot, 'vault') };
    try {
      expectSuccess(await runCustody(['init'], other));
      expectSuccess(await runCustody(['workflows', 'add', 'onM2MTokenGeneration'], other));
      const aside = join(otherRoot, 'vault.aside.json');
      await copyFile(join(other.CUSTODY_HOME, 'vault.json'), aside);
      expectSuccess(await runCustody(['workflows', 'add', 'third'], other));
      expectSuccess(await sandbox.run(['keys', 'add', WF]));

      const workflows = await sandbox.run(['workflows', 'list', '--json']);
      expect((JSON.parse(workflows.stdout) as { id: string }[]).map((w) => w.id)).toEqual([WF]);
      const otherWorkflows = await runCustody(['workflows', 'list', '--json'], other);
      expect((JSON.parse(otherWorkflows.stdout) as { id: string }[]).map((w) => w.id).sort()).toEqual([
        'onM2MTokenGeneration',
        'third',
      ]);

      await copyFile(aside, join(other.CUSTODY_HOME, 'vault.json'));
      expectFailure(await runCustody(['workflows', 'list'], other), 'VAULT_ROLLED_BACK');
      expect(await keyIds()).toHaveLength(1);

      await unlink(join(other.CUSTODY_HOME, 'vault.json'));
      expectFailure(await runCustody(['init'], other), 'VAULT_MISSING');
      const fresh = await runCustody(['init', '--new', '--yes'], other);
      expectSuccess(fresh);
      expect(fresh.stdout).toContain('1 other vault(s)');
      expect(await keyIds()).toHaveLength(1);
    } finally {
      await rm(otherRoot, { recursive: true, force: true });
    }
  });
});
