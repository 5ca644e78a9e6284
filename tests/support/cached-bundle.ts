import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

export const REPO = resolve(__dirname, '../..');
/** Under the repo, so bundles resolve keytar from node_modules and nothing is left in the temp folder. */
const CACHE_DIR = join(REPO, 'node_modules/.cache/custody-tests');

/**
 * Bundles a TypeScript entry for tests that run what the app ships (a worker, the bridge host, the
 * bridge page). Written atomically, so test files bundling at once never load half a file.
 */
export function bundleToCache(entry: string, outName: string, platform: 'node' | 'browser'): string {
  const outfile = join(CACHE_DIR, outName);
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform,
    format: platform === 'node' ? 'cjs' : 'iife',
    target: platform === 'node' ? 'node20' : 'chrome120',
    external: ['keytar'],
    logLevel: 'error',
  });
  mkdirSync(CACHE_DIR, { recursive: true });
  const temp = `${outfile}.${process.pid}.${randomUUID()}`;
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild bundled nothing for ${entry}.`);
  writeFileSync(temp, output.contents);
  renameSync(temp, outfile);
  return outfile;
}
