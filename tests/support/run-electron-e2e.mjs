#!/usr/bin/env node
// `npm run test:electron`: the Electron E2E suite (tests/e2e/electron) where the Electron binary
// is installed; otherwise one skip line and exit 0. Never loads the `electron` package (that
// would start its binary download). On Linux it runs under tests/support/with-secret-service.sh
// (a Secret Service for keytar) and, without a display, under xvfb-run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const electronDir = path.join(repo, 'node_modules/electron');
const pathFile = path.join(electronDir, 'path.txt');
const executable = existsSync(pathFile) ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;

if (!executable || !existsSync(executable)) {
  console.log('skipped: no Electron binary (node_modules/electron/dist missing; Electron E2E needs it)');
  process.exit(0);
}

const command = [path.join(repo, 'node_modules/.bin/playwright'), 'test', '--project=electron', ...process.argv.slice(2)];
if (process.platform === 'linux') {
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (headless) {
    if (spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error) {
      console.error('test:electron: no display and no xvfb-run; install xvfb (Electron needs a display) or set DISPLAY.');
      process.exit(1);
    }
    command.unshift('xvfb-run', '-a');
  }
  command.unshift(path.join(repo, 'tests/support/with-secret-service.sh'));
}

const result = spawnSync(command[0], command.slice(1), { cwd: repo, stdio: 'inherit' });
process.exit(result.status ?? 1);
