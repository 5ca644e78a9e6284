/**
 * Playwright globalSetup: builds main, preload and renderer into out/ once per run, so the
 * end-to-end tests never run against a stale build. `electron-vite build` needs no Electron
 * binary. CUSTODY_E2E_SKIP_BUILD=1 reuses an existing out/ (e.g. CI built it already).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export default function buildOnce(): void {
  if (process.env.CUSTODY_E2E_SKIP_BUILD === '1') return;
  const repo = path.resolve(__dirname, '../..');
  const cli = path.join(repo, 'node_modules/electron-vite/bin/electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status}); see the output above.`);
}
