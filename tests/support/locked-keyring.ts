import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type FakeBus, startBareBus } from './no-secret-service';

/**
 * A real gnome-keyring whose login keyring is locked, on a session bus of its own: the keyring is
 * created unlocked (so `prepare` can store the vault key in it), then the daemon is restarted
 * without --unlock, as after a login that did not unlock it. Nothing on that bus can show an
 * unlock prompt, so a prompt is dismissed at once.
 */
export async function startLockedKeyring(prepare: (env: NodeJS.ProcessEnv) => Promise<void>): Promise<FakeBus> {
  const bus = await startBareBus();
  const home = await mkdtemp(join(tmpdir(), 'custody-locked-keyring-'));
  await mkdir(join(home, 'data'), { mode: 0o700 });
  await mkdir(join(home, 'run'), { mode: 0o700 });
  const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus.address };
  const daemonEnv = { ...env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: join(home, 'run') };

  const start = async (unlock: boolean): Promise<ChildProcess> => {
    const args = ['--foreground', '--components=secrets', ...(unlock ? ['--unlock'] : [])];
    const daemon = spawn('gnome-keyring-daemon', args, { env: daemonEnv, stdio: ['pipe', 'ignore', 'ignore'] });
    daemon.stdin?.end(unlock ? 'custody-test' : '');
    for (let tries = 0; tries < 100; tries++) {
      const owner = spawnSync(
        'dbus-send',
        [
          '--session',
          '--print-reply',
          '--dest=org.freedesktop.DBus',
          '/org/freedesktop/DBus',
          'org.freedesktop.DBus.NameHasOwner',
          'string:org.freedesktop.secrets',
        ],
        { env, encoding: 'utf8' },
      );
      if (owner.stdout.includes('boolean true')) return daemon;
      await sleep(100);
    }
    daemon.kill();
    throw new Error('gnome-keyring-daemon did not start on the test bus');
  };
  const stopDaemon = async (daemon: ChildProcess) => {
    const exited = new Promise((done) => daemon.once('exit', done));
    daemon.kill();
    await exited;
  };

  const unlocked = await start(true);
  try {
    await prepare(env);
  } finally {
    await stopDaemon(unlocked);
  }
  const locked = await start(false);
  return {
    address: bus.address,
    stop: async () => {
      await stopDaemon(locked);
      await bus.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Whether this machine has what a locked-keyring test needs. */
export const hasGnomeKeyring = ['gnome-keyring-daemon', 'dbus-daemon', 'dbus-send'].every(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0,
);
