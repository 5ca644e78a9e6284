import { join } from 'node:path';
import { REPO, bundleToCache } from './cached-bundle';

/** The decrypt worker as the CLI and the app ship it, for tests and benches that run from sources. */
export function buildDecryptWorker(): string {
  return bundleToCache(join(REPO, 'electron/custody/decrypt-worker.ts'), 'decrypt-worker.cjs', 'node');
}
