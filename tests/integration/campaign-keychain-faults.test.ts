import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VAULT_KEY_ACCOUNT } from '../../electron/custody';
import { type CliRun, type CliSandbox, createCliSandbox } from '../support/cli-sandbox';
import { hasGnomeKeyring, startLockedKeyring } from '../support/locked-keyring';
import type { FakeBus } from '../support/no-secret-service';

/**
 * The keychain faults of the campaign that tests/integration/cli-vault-failures.test.ts does not
 * already produce (there: no Secret Service on the bus, a keyring locked, the vault-key item
 * deleted). Each against the real gnome-keyring: a coded error saying what to do, not one byte of
 * the vault folder written, and the keychain item left as it was.
 */
let sandbox: CliSandbox;
const WF = 'onUserTokenGeneration';
const COMMANDS: readonly (readonly string[])[] = [
  ['workflows', 'list'],
  ['audit', '--verify'],
  ['keys', 'add', WF],
];

beforeEach(async () => {
  sandbox = await createCliSandbox();
});
afterEach(() => sandbox.cleanup());

function expectFailure(run: CliRun, code: string): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain(`error ${code}:`);
  expect(run.stdout).toBe('');
}

const hasSecretTool = spawnSync('sh', ['-c', 'command -v secret-tool']).status === 0;

/** What keytar stores, written by hand: the same schema and attributes, so it replaces the vault's item. */
function storeWithSecretTool(service: string, value: string): void {
  const stored = spawnSync(
    'secret-tool',
    [
      'store',
      '--label',
      `${service}/${VAULT_KEY_ACCOUNT}`,
      'xdg:schema',
      'org.freedesktop.Secret.Generic',
      'service',
      service,
      'account',
      VAULT_KEY_ACCOUNT,
    ],
    { input: value, encoding: 'utf8' },
  );
  if (stored.status !== 0) throw new Error(`secret-tool store failed: ${stored.stderr}`);
}

describe.skipIf(!hasSecretTool)(
  `the vault-key item holds something else${hasSecretTool ? '' : ' (skipped: secret-tool is missing)'}`,
  () => {
    beforeEach(() => sandbox.runAll([['init'], ['workflows', 'add', WF], ['keys', 'add', WF]]));

    it.each([
      [
        'text that is not a key',
        'garbage, not a vault key',
        'VAULT_KEY_MISSING',
        /does not hold a vault key.*Restore the keychain item/,
      ],
      ['another 32-byte key', randomBytes(32).toString('base64'), 'VAULT_CORRUPT', /belongs to another keychain item.*Restore/],
    ])(
      '%s: every command fails with a coded error saying what to do; nothing written, the item left as it is',
      async (_what, value, code, message) => {
        storeWithSecretTool(sandbox.service, value);
        const before = await sandbox.snapshot();
        for (const args of COMMANDS) {
          const run = await sandbox.run(args);
          expectFailure(run, code);
          expect(run.stderr).toMatch(message);
        }
        // init never replaces the item of an existing vault either.
        expectFailure(await sandbox.run(['init']), 'ALREADY_EXISTS');
        expect(await sandbox.snapshot()).toEqual(before);
        expect(await sandbox.keychain.get(sandbox.service, VAULT_KEY_ACCOUNT)).toBe(value);
      },
    );
  },
);

/** Every line dbus-monitor prints on `address` while `during` runs. */
async function monitorBus(address: string, during: () => Promise<void>): Promise<string> {
  const monitor = spawn('dbus-monitor', ['--address', address], { stdio: ['ignore', 'pipe', 'ignore'] });
  let seen = '';
  monitor.stdout.on('data', (chunk: Buffer) => (seen += chunk.toString('utf8')));
  // dbus-monitor has become a monitor once it printed its NameAcquired.
  for (let tries = 0; tries < 50 && !seen.includes('NameAcquired'); tries++) await sleep(100);
  try {
    await during();
    await sleep(300);
  } finally {
    monitor.kill();
  }
  return seen;
}

const hasMonitor = hasGnomeKeyring && spawnSync('sh', ['-c', 'command -v dbus-monitor']).status === 0;

describe('the unlock prompt is dismissed', () => {
  let bus: FakeBus | null = null;
  afterEach(async () => {
    await bus?.stop();
    bus = null;
  });

  it.skipIf(!hasMonitor)(
    `gnome-keyring completes the unlock prompt as dismissed (no prompter can be shown): KEYCHAIN_LOCKED with how to unlock, nothing written${hasMonitor ? '' : ' (skipped: gnome-keyring-daemon, dbus-daemon or dbus-monitor is missing)'}`,
    async () => {
      bus = await startLockedKeyring(async (env) => {
        for (const args of [['init'], ['workflows', 'add', WF]]) {
          const run = await sandbox.run(args, { env });
          expect(run.code, run.stderr).toBe(0);
        }
      });
      const env = { DBUS_SESSION_BUS_ADDRESS: bus.address };
      const before = await sandbox.snapshot();
      const runs: CliRun[] = [];
      const seen = await monitorBus(bus.address, async () => {
        for (const args of [
          ['workflows', 'list'],
          ['workflows', 'add', 'another'],
        ])
          runs.push(await sandbox.run(args, { env }));
      });
      // The lookup asked to unlock the item, gnome-keyring made a prompt, and the prompt ended dismissed.
      expect(seen).toMatch(/member=Unlock/);
      expect(seen).toMatch(/interface=org\.freedesktop\.Secret\.Prompt; member=Prompt/);
      expect(seen).toMatch(/member=Completed\s+boolean true/);
      for (const run of runs) {
        expectFailure(run, 'KEYCHAIN_LOCKED');
        expect(run.stderr).toMatch(/Unlock it/);
      }
      expect(await sandbox.snapshot()).toEqual(before);
    },
  );
});
