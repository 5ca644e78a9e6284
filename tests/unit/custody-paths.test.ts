import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Custody } from '../../electron/custody/custody';
import { browserDataPath, resolveLocation } from '../../electron/custody/custody-paths';
import { createMemorySecretStore } from '../support/memory-secret-store';

const WINDOWS_ENV = {
  APPDATA: 'C:\\Users\\ada\\AppData\\Roaming',
  LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
};

describe('where the vault lives', () => {
  it('is in the local, non-roaming profile on Windows, with the roaming folder named for a one-time move', () => {
    expect(resolveLocation(WINDOWS_ENV, 'win32', 'C:\\Users\\ada')).toEqual({
      home: 'C:\\Users\\ada\\AppData\\Local\\Workflow Key Custody',
      keychainService: 'workflow-key-custody',
      legacyHome: 'C:\\Users\\ada\\AppData\\Roaming\\Workflow Key Custody',
    });
  });

  it('is where it always was on macOS and Linux, with nothing to move', () => {
    expect(resolveLocation({}, 'darwin', '/Users/ada')).toMatchObject({
      home: '/Users/ada/Library/Application Support/Workflow Key Custody',
      legacyHome: null,
    });
    expect(resolveLocation({ XDG_CONFIG_HOME: '/home/ada/.cfg' }, 'linux', '/home/ada')).toMatchObject({
      home: '/home/ada/.cfg/Workflow Key Custody',
      legacyHome: null,
    });
  });

  it('is CUSTODY_HOME when set, on every platform, and then nothing is moved into it', () => {
    expect(resolveLocation({ ...WINDOWS_ENV, CUSTODY_HOME: 'D:\\vault' }, 'win32', 'C:\\Users\\ada')).toMatchObject({
      home: 'D:\\vault',
      legacyHome: null,
    });
  });

  it('keeps Chromium’s own data out of the vault folder', () => {
    const cases: [NodeJS.ProcessEnv, NodeJS.Platform, string][] = [
      [WINDOWS_ENV, 'win32', 'C:\\Users\\ada'],
      [{}, 'darwin', '/Users/ada'],
      [{}, 'linux', '/home/ada'],
      [{ CUSTODY_HOME: '/tmp/vault/' }, 'linux', '/home/ada'],
    ];
    for (const [env, platform, home] of cases) {
      const vault = resolveLocation(env, platform, home).home.replace(/[\\/]$/, '');
      const browser = browserDataPath(env, platform, home);
      expect(browser.startsWith(`${vault}/`) || browser.startsWith(`${vault}\\`) || browser === vault).toBe(false);
    }
    expect(browserDataPath({}, 'linux', '/home/ada')).toBe('/home/ada/.cache/Workflow Key Custody (browser data)');
    expect(browserDataPath({ CUSTODY_HOME: '/tmp/vault/' }, 'linux', '/home/ada')).toBe('/tmp/vault (browser data)');
  });
});

describe('moving a vault out of the Windows roaming profile', () => {
  let root: string;
  const secrets = createMemorySecretStore();
  const open = (home: string, legacyHome: string | null = null) =>
    new Custody({ location: { home, keychainService: 'custody-unit-relocation', legacyHome }, secrets, user: 'officer' });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'custody-relocation-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('moves the vault and its audit log once, records the move, and keeps the chain verifying', async () => {
    const roaming = join(root, 'Roaming');
    const local = join(root, 'Local');
    const old = open(roaming);
    await old.init();
    await old.addWorkflow({ id: 'onUserTokenGeneration' });

    const custody = open(local, roaming);
    await custody.relocateRoamingVault();
    await custody.relocateRoamingVault();

    expect((await readdir(roaming)).filter((f) => !f.startsWith('.'))).toEqual([]);
    expect((await custody.listWorkflows()).map((w) => w.id)).toEqual(['onUserTokenGeneration']);
    const moves = (await custody.auditEntries()).filter((e) => e.action === 'vault.relocate');
    expect(moves.map((e) => e.details)).toEqual([{ from: roaming, to: local }]);
    expect((await custody.verifyAudit()).ok).toBe(true);
  });

  it('leaves both alone when the local profile already has a vault', async () => {
    const roaming = join(root, 'Roaming');
    const local = join(root, 'Local');
    await open(roaming).init();
    await mkdir(local);
    await copyFile(join(roaming, 'vault.json'), join(local, 'vault.json'));
    const custody = open(local, roaming);
    await custody.relocateRoamingVault();
    expect(await readdir(roaming)).toContain('vault.json');
    expect(await readdir(roaming)).toContain('audit.jsonl');
    expect(await readdir(local)).toEqual(['vault.json']);
  });
});
