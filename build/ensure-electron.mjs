#!/usr/bin/env node
// `npm start` and `npm run dev`: makes sure Electron's binary is there, then runs `electron-vite <args>`.
// Electron fetches its binary lazily, on the first `require('electron')`, but electron-vite only reads
// node_modules/electron/path.txt, so on a fresh `npm ci` it stops at "Error: Electron uninstall".
// Here the binary is fetched first with Electron's own install.js, run as a child process: loading the
// `electron` package from plain Node would start the same download with no way to report it well.
// Where the download cannot happen, one line says so and what to do instead.
//
// ELECTRON_OVERRIDE_DIST_PATH (a folder holding an Electron binary) needs no download: electron-vite
// does not read it, so the binary in it is handed over as ELECTRON_EXEC_PATH, which electron-vite does
// read (and which, when the caller sets it, needs no download either).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules/electron');
const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
const major = version.split('.')[0];
const instead = `To start the app, set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron ${major} binary, or install a build made with \`npm run dist\``;

/** The binary in ELECTRON_OVERRIDE_DIST_PATH, laid out as in Electron's own release archive. */
function overrideBinary(distPath) {
  const names = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };
  return path.join(distPath, names[process.platform] ?? 'electron');
}

function fail(line) {
  console.error(line);
  process.exit(1);
}

/** Runs Electron's install.js; on failure, its error's first line (install.js prints the whole stack). */
function download() {
  console.log(`Fetching Electron ${version}'s binary (first start only)…`);
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status === 0 && installedElectronBinary(root)) return;
  const reason =
    (result.stderr ?? '').split('\n').find((line) => /^\w*Error\b/.test(line)) ??
    result.error?.message ??
    `install.js exited with ${result.status ?? result.signal}`;
  fail(`Electron ${version}'s binary could not be downloaded (${reason.trim()}). ${instead}.`);
}

const env = { ...process.env };
const overrideDist = env.ELECTRON_OVERRIDE_DIST_PATH;
if (overrideDist) {
  const executable = overrideBinary(overrideDist);
  if (!existsSync(executable)) fail(`ELECTRON_OVERRIDE_DIST_PATH holds no Electron binary (no ${executable}). ${instead}.`);
  env.ELECTRON_EXEC_PATH = executable;
} else if (!env.ELECTRON_EXEC_PATH && !installedElectronBinary(root)) {
  download();
}

const electronVite = spawn(
  process.execPath,
  [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), ...process.argv.slice(2)],
  {
    cwd: root,
    env,
    stdio: 'inherit',
  },
);
// Signals sent here go on to electron-vite, and this process waits for it, so the prompt comes back after the app.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => electronVite.kill(signal));
electronVite.on('exit', (code) => process.exit(code ?? 1));
