// Electron's binary as its install.js leaves it: path.txt names the executable under dist/. Found
// without loading the `electron` package, which would start the binary's download.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The executable's absolute path in ROOT/node_modules/electron, or null when it is not installed. */
export function installedElectronBinary(root) {
  const electronDir = path.join(root, 'node_modules/electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}
