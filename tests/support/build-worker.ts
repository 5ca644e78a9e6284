import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

/** Bundles the decrypt worker as the CLI ships it, for tests and benches that run from sources. */
export function buildDecryptWorker(): string {
  const outfile = join(mkdtempSync(join(tmpdir(), 'custody-worker-')), 'decrypt-worker.cjs');
  buildSync({
    entryPoints: [resolve(__dirname, '../../electron/custody/decrypt-worker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}
