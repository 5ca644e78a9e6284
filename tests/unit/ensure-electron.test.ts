/**
 * `npm start` / `npm run dev` on a fresh machine (build/ensure-electron.mjs): Electron's binary is
 * fetched before electron-vite runs, a download that cannot happen ends in one line saying what to
 * do, an installed binary is never fetched again, and ELECTRON_OVERRIDE_DIST_PATH reaches electron-vite.
 *
 * Each run uses a copy of the script in a scratch project whose node_modules/electron holds Electron's
 * real install.js, pointed at a mirror nobody answers, so a download attempt fails at once, and a
 * stand-in electron-vite that prints its arguments.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '../..');
const REAL_MODULES = path.join(REPO, 'node_modules');
const ELECTRON_MAJOR = JSON.parse(readFileSync(path.join(REAL_MODULES, 'electron/package.json'), 'utf8')).version.split('.')[0];
const BINARY_NAME =
  { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform as string] ?? 'electron';
/** Port 9 (discard) is closed on a test machine: the connection is refused at once. */
const UNREACHABLE_MIRROR = 'http://127.0.0.1:9/';

const scratchDirs: string[] = [];
afterEach(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'custody-ensure-electron-'));
  scratchDirs.push(dir);
  return dir;
}

/** A project with the script, Electron's package as npm installs it (no binary) and a stand-in electron-vite. */
function freshProject(): string {
  const root = scratch();
  mkdirSync(path.join(root, 'build'));
  for (const file of ['ensure-electron.mjs', 'electron-binary.mjs']) {
    copyFileSync(path.join(REPO, 'build', file), path.join(root, 'build', file));
  }
  const electron = path.join(root, 'node_modules/electron');
  mkdirSync(electron, { recursive: true });
  for (const file of ['package.json', 'install.js', 'checksums.json']) {
    copyFileSync(path.join(REAL_MODULES, 'electron', file), path.join(electron, file));
  }
  mkdirSync(path.join(root, 'node_modules/@electron'));
  symlinkSync(path.join(REAL_MODULES, '@electron/get'), path.join(root, 'node_modules/@electron/get'), 'junction');
  mkdirSync(path.join(root, 'node_modules/electron-vite/bin'), { recursive: true });
  writeFileSync(
    path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
    "console.log(`electron-vite ran: ${process.argv.slice(2).join(' ')}`);\n",
  );
  return root;
}

/** What Electron's install.js leaves behind once it has unpacked the binary. */
function installBinary(root: string): void {
  const dist = path.join(root, 'node_modules/electron/dist');
  mkdirSync(path.dirname(path.join(dist, BINARY_NAME)), { recursive: true });
  writeFileSync(path.join(dist, BINARY_NAME), '');
  writeFileSync(path.join(root, 'node_modules/electron/path.txt'), BINARY_NAME);
}

/** The script as `npm start` runs it, with no Electron setting of the caller's shell leaking in. */
function start(script: string, args: string[], env: Record<string, string> = {}) {
  const quiet = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/electron/i.test(name)));
  const result = spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    env: { ...quiet, ELECTRON_MIRROR: UNREACHABLE_MIRROR, electron_config_cache: scratch(), ...env },
  });
  return { status: result.status, stdout: result.stdout, stderrLines: result.stderr.split('\n').filter((line) => line.trim()) };
}

describe('npm start without the Electron binary', () => {
  it('says in one line that the download failed and what to do instead, and exits non-zero', () => {
    const root = freshProject();
    const run = start(path.join(root, 'build/ensure-electron.mjs'), ['preview']);
    expect(run.status).not.toBe(0);
    expect(run.stderrLines).toHaveLength(1);
    expect(run.stderrLines[0]).toMatch(/binary could not be downloaded/);
    expect(run.stderrLines[0]).toContain(`ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron ${ELECTRON_MAJOR} binary`);
    expect(run.stderrLines[0]).toContain('npm run dist');
    expect(run.stdout).not.toContain('electron-vite ran');
  }, 30_000);
});

describe('npm start with the Electron binary installed', () => {
  it('runs electron-vite with the given command and fetches nothing', () => {
    const root = freshProject();
    installBinary(root);
    const run = start(path.join(root, 'build/ensure-electron.mjs'), ['preview']);
    expect(run.stderrLines).toEqual([]);
    expect(run.stdout).not.toMatch(/fetching/i);
    expect(run.stdout).toContain('electron-vite ran: preview');
    expect(run.status).toBe(0);
  }, 30_000);
});

describe('npm start with ELECTRON_OVERRIDE_DIST_PATH', () => {
  const shellScripts = process.platform !== 'win32';
  if (!shellScripts) console.log('skipped: the stand-in Electron binary is a shell script, which Windows cannot run');

  it.skipIf(!shellScripts)(
    'electron-vite starts the binary in that folder, with nothing downloaded',
    () => {
      const dist = scratch();
      const binary = path.join(dist, BINARY_NAME);
      mkdirSync(path.dirname(binary), { recursive: true });
      writeFileSync(binary, '#!/bin/sh\necho "electron started with: $*"\n');
      chmodSync(binary, 0o755);
      // The real script and electron-vite; `--skipBuild` and an entry of its own keep out/ out of it.
      const run = start(path.join(REPO, 'build/ensure-electron.mjs'), ['preview', '--skipBuild'], {
        ELECTRON_OVERRIDE_DIST_PATH: dist,
        ELECTRON_ENTRY: 'the-app',
      });
      expect(run.stdout).toContain('electron started with: the-app');
      expect(run.stdout).not.toMatch(/fetching/i);
      expect(run.status).toBe(0);
    },
    60_000,
  );

  it('says in one line when that folder holds no Electron binary', () => {
    const root = freshProject();
    const run = start(path.join(root, 'build/ensure-electron.mjs'), ['preview'], { ELECTRON_OVERRIDE_DIST_PATH: scratch() });
    expect(run.status).not.toBe(0);
    expect(run.stderrLines).toHaveLength(1);
    expect(run.stderrLines[0]).toMatch(/ELECTRON_OVERRIDE_DIST_PATH holds no Electron binary/);
    expect(run.stdout).not.toContain('electron-vite ran');
  }, 30_000);
});
