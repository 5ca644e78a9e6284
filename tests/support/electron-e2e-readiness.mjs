// Whether the Electron E2E can run on this machine: it needs Electron's binary and, on Linux, a
// display or xvfb-run. Where it cannot, `npm test` and `npm run test:electron` skip it with the
// line below instead of failing or passing in silence.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedElectronBinary } from '../../build/electron-binary.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Linux without a display: the suite runs under xvfb-run. */
export const needsXvfb = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

/** The line saying why the suite cannot run here, or null when it can. */
export function electronE2eSkipLine() {
  if (!installedElectronBinary(repo)) {
    return 'skipped: no Electron binary (node_modules/electron/dist missing; Electron E2E needs it)';
  }
  if (needsXvfb && spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error) {
    return 'skipped: no display and no xvfb-run (Electron E2E needs one; install xvfb or set DISPLAY)';
  }
  return null;
}
