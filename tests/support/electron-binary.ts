/**
 * Finds the Electron binary WITHOUT loading the `electron` package: requiring it when the binary
 * is absent starts (or demands) its download. The binary exists when electron's install step
 * wrote path.txt and unpacked dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ELECTRON_DIR = path.resolve(__dirname, '../../node_modules/electron');

export const ELECTRON_SKIP_LINE = 'skipped: no Electron binary (node_modules/electron/dist missing; Electron E2E needs it)';

/** The executable's absolute path, or null when Electron's binary is not installed. */
export function findElectronBinary(): string | null {
  const pathFile = path.join(ELECTRON_DIR, 'path.txt');
  const dist = path.join(ELECTRON_DIR, 'dist');
  if (!existsSync(pathFile) || !existsSync(dist)) return null;
  const executable = path.join(dist, readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}
