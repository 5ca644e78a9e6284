#!/usr/bin/env node
// `npm run test:electron`: the Electron E2E suite (tests/e2e/electron) where it can run; otherwise
// one skip line and exit 0 (tests/support/electron-e2e-readiness.mjs). Never loads the `electron`
// package (that would start its binary download). On Linux it runs under
// tests/support/with-secret-service.sh (a Secret Service for keytar) and, without a display, under xvfb-run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronE2eSkipLine, needsXvfb } from './electron-e2e-readiness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const skip = electronE2eSkipLine();
if (skip) {
  console.log(skip);
  process.exit(0);
}

const command = [path.join(repo, 'node_modules/.bin/playwright'), 'test', '--project=electron', ...process.argv.slice(2)];
if (process.platform === 'linux') {
  if (needsXvfb) command.unshift('xvfb-run', '-a');
  command.unshift(path.join(repo, 'tests/support/with-secret-service.sh'));
}

const result = spawnSync(command[0], command.slice(1), { cwd: repo, stdio: 'inherit' });
process.exit(result.status ?? 1);
