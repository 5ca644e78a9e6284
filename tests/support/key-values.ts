import { createHash } from 'node:crypto';
import type { KeyInfo, WorkflowSummary } from '../../shared/domain';
import type { CliRun } from './cli-sandbox';

/** Every way a 32-byte key could be written out: a leak in any of these forms is a leak. */
export function spellingsOf(keyValue: string): string[] {
  const bytes = Buffer.from(keyValue, 'base64');
  const base64 = bytes.toString('base64');
  return [base64, base64.replace(/=+$/, ''), bytes.toString('base64url'), bytes.toString('hex')];
}

/** R2: the first 8 bytes of SHA-256 of the raw key, as hex. */
export function fingerprintOfValue(keyValue: string): string {
  return createHash('sha256').update(Buffer.from(keyValue, 'base64')).digest().subarray(0, 8).toString('hex');
}

export function outputOf(run: CliRun): string {
  return run.stdout + run.stderr;
}

export function parseJson<T>(run: CliRun): T {
  return JSON.parse(run.stdout) as T;
}

export type KeyList = KeyInfo[];
export type WorkflowList = WorkflowSummary[];
