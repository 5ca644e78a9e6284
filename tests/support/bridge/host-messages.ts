/** Messages between the Playwright side of the bridge and its host process (Node IPC channel). */
import type { EventName } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import type { VaultStatus } from '../../../shared/domain';

export type HostRequest =
  | { id: number; type: 'invoke'; channel: string; request: unknown }
  | { id: number; type: 'push-status' }
  | { id: number; type: 'set-capture-files'; paths: string[] }
  | { id: number; type: 'set-export-path'; path: string | null }
  | { id: number; type: 'clipboard' }
  | { id: number; type: 'user-copies'; text: string }
  | { id: number; type: 'desktop-record' }
  | { id: number; type: 'shutdown'; forgetVaultKey: boolean };

export type HostMessage =
  | { type: 'ready'; status: VaultStatus }
  | { type: 'reply'; id: number; value: Result<unknown> | string[] | DesktopRecord | null }
  | { type: 'event'; name: EventName; payload: unknown };

/** What the fake desktop was asked: capture protection on and off, simulate questions, the clipboard now. */
export interface DesktopRecord {
  contentProtection: boolean[];
  simulateQuestions: number;
  clipboardText: string;
}

/** A request before it is numbered. */
export type HostCommand = HostRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;
