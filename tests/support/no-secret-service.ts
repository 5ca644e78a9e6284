import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type Server, type Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface FakeBus {
  /** A DBUS_SESSION_BUS_ADDRESS value. */
  address: string;
  stop(): Promise<void>;
}

/**
 * A session bus with nothing on it and no service files, so nothing can be activated: the
 * situation of a headless machine with no Secret Service running.
 */
const BARE_BUS_CONFIG = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=@DIR@</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

export async function startBareBus(): Promise<FakeBus> {
  const dir = await mkdtemp(join(tmpdir(), 'custody-bare-bus-'));
  const config = join(dir, 'bus.conf');
  await writeFile(config, BARE_BUS_CONFIG.replace('@DIR@', dir));
  const daemon = spawn('dbus-daemon', ['--config-file', config, '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    daemon.on('error', reject);
    daemon.on('exit', (code) => reject(new Error(`dbus-daemon exited (${code}) before printing its address`)));
    createInterface({ input: daemon.stdout }).once('line', resolve);
  });
  return {
    address,
    stop: async () => {
      daemon.kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A "bus" that accepts the connection and never says a word: a keychain call that hangs, as
 * behind an unlock prompt nobody answers.
 */
export async function startSilentBus(): Promise<FakeBus> {
  const dir = await mkdtemp(join(tmpdir(), 'custody-silent-bus-'));
  const path = join(dir, 'bus');
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    address: `unix:path=${path}`,
    stop: async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
