import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const REPO = resolve(__dirname, '../..');
/** Under the repo, so nothing is left in the system's temp folder. */
const CACHE_DIR = join(REPO, 'node_modules/.cache/custody-worker');

/**
 * Bundles the decrypt worker as the CLI and the app ship it, for tests and benches that run from
 * sources. Written atomically, so test files bundling it at once never load half a file.
 */
export function buildDecryptWorker(): string {
  const outfile = join(CACHE_DIR, 'decrypt-worker.cjs');
  const result = buildSync({
    entryPoints: [join(REPO, 'electron/custody/decrypt-worker.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
  });
  mkdirSync(CACHE_DIR, { recursive: true });
  const temp = `${outfile}.${process.pid}.${randomUUID()}`;
  writeFileSync(temp, result.outputFiles[0].contents);
  renameSync(temp, outfile);
  return outfile;
}
