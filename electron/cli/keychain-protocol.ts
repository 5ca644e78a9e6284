import type { CustodyErrorShape } from '../../shared/errors';

/** Messages between the CLI and its keychain helper process (helper-secret-store.ts, keychain-helper.ts). */
export type KeychainOperation =
  | { op: 'get'; service: string; account: string }
  | { op: 'set'; service: string; account: string; value: string }
  | { op: 'delete'; service: string; account: string };

export type KeychainRequest = KeychainOperation & { id: number };

export type KeychainAnswer = string | boolean | null;

export type KeychainReply = { id: number; ok: true; value: KeychainAnswer } | { id: number; ok: false; error: CustodyErrorShape };
