import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface SecureFetchVector {
  name: string;
  keys: string[];
  payload: string;
  expect: 'ok' | 'error';
  matchedKeyIndex?: number;
  layout?: string;
  plaintext?: string;
  code?: string;
}

/** The shared vectors, made with another implementation (DESIGN §2). */
export const VECTORS_PATH = resolve(__dirname, '../../../shared/vectors/secure-fetch.json');

export function loadVectors(): SecureFetchVector[] {
  return (JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as { vectors: SecureFetchVector[] }).vectors;
}
