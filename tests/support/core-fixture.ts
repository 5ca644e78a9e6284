import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Custody, type ScryptParams } from '../../electron/custody';
import { createMemorySecretStore } from './memory-secret-store';

/** The cheapest scrypt cost the header accepts: unit tests set and try passphrases many times. */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

export interface CoreFixture {
  custody: Custody;
  home: string;
  secrets: ReturnType<typeof createMemorySecretStore>;
  clock: { now: Date };
  /** A second handle on the same vault, as another process (the CLI, another window) would have. */
  another(): Custody;
  cleanup(): Promise<void>;
}

/** A real vault in a temp folder, sealed by an in-memory secret store (unit tests only). */
export async function createCoreFixture(): Promise<CoreFixture> {
  const home = await mkdtemp(join(tmpdir(), 'custody-unit-'));
  const secrets = createMemorySecretStore();
  const clock = { now: new Date('2026-01-01T00:00:00Z') };
  const location = { home, keychainService: 'custody-unit' };
  const make = () => new Custody({ location, secrets, clock: () => clock.now, user: 'officer', scrypt: TEST_SCRYPT });
  const custody = make();
  await custody.init();
  return { custody, home, secrets, clock, another: make, cleanup: () => rm(home, { recursive: true, force: true }) };
}
