import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface SecureFetchVector {
  name: string;
  keys: [string, ...string[]];
  payload: string;
  expect: 'ok' | 'error';
  matchedKeyIndex?: number;
  layout?: string;
  plaintext?: string;
  code?: string;
}

/**
 * The shared vectors, made with another implementation: the project's shared folder
 * beside the repository when it is there (it may gain vectors), else the copy kept in the repo.
 */
const SHARED = resolve(__dirname, '../../../shared/vectors/secure-fetch.json');
const COPY = resolve(__dirname, '../fixtures/secure-fetch.json');
export const VECTORS_PATH = existsSync(SHARED) ? SHARED : COPY;

/** Every test that uses them needs at least one vector, and each vector at least one key. */
export function loadVectors(): [SecureFetchVector, ...SecureFetchVector[]] {
  const { vectors } = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as { vectors: SecureFetchVector[] };
  const [first, ...rest] = vectors;
  if (first === undefined) throw new Error(`${VECTORS_PATH} holds no vectors.`);
  const keyless = vectors.find((vector) => vector.keys.length === 0);
  if (keyless) throw new Error(`${VECTORS_PATH}: vector "${keyless.name}" has no key.`);
  return [first, ...rest];
}
