/**
 * One IPC call, start to finish, with no Electron in sight: the channel name and the request are
 * checked against the contract (the renderer is untrusted), the handler runs only on a valid
 * request, and whatever happens the answer is a Result envelope. The same function serves the
 * Electron main process (ipc-main.ts) and the Chromium test bridge.
 */
import type { z } from 'zod';
import { type ChannelName, type ParsedRequestOf, type ResponseOf, channels } from '../../shared/contract';
import type { CustodyErrorShape, Result } from '../../shared/errors';
import { toErrorShape } from '../custody';
import { lockedError } from './vault-session';

export type Handler<C extends ChannelName> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;

/** One handler per channel: a channel added to the contract without a handler does not compile. */
export type Handlers = { readonly [C in ChannelName]: Handler<C> };

export interface DispatchOptions {
  /** Check answers against the contract too (development and tests; costs time on big batches). */
  validateResponses?: boolean;
  /**
   * R15: admits a call on a channel that needs the vault unlocked (vault-session.ts), or refuses it
   * (null) while locked. The release marks the call finished, so a lock waits for calls in flight.
   */
  admit?: () => (() => void) | null;
  /** Told about failures that are bugs, not user errors. Receives no request data. */
  onUnexpectedError?: (channel: string, error: unknown) => void;
}

function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

function invalidInput(message: string): { ok: false; error: CustodyErrorShape } {
  return { ok: false, error: { code: 'INVALID_INPUT', message } };
}

/**
 * Names the field that failed and why, never the value sent (it could be key material).
 * zod's messages describe the expectation, not the input.
 */
export function describeIssues(channel: ChannelName, error: z.ZodError): string {
  const first = error.issues[0];
  const field = first && first.path.length > 0 ? first.path.map(String).join('.') : 'request';
  const more =
    error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return `Invalid ${channel} request: "${field}" — ${first?.message ?? 'not valid'}${more}. Nothing was changed.`;
}

export async function dispatch(
  channel: unknown,
  rawRequest: unknown,
  handlers: Handlers,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isChannelName(channel))
    return invalidInput('Unknown request: the app does not offer this operation. Nothing was changed.');
  const contract = channels[channel];
  const parsed = contract.request.safeParse(rawRequest ?? {});
  if (!parsed.success) return invalidInput(describeIssues(channel, parsed.error));

  const release = contract.whileLocked ? undefined : options.admit?.();
  if (release === null) return { ok: false, error: toErrorShape(lockedError()) };

  let value: unknown;
  try {
    value = await (handlers[channel] as (request: unknown) => Promise<unknown>)(parsed.data);
  } catch (error) {
    const shape = toErrorShape(error);
    if (shape.code === 'INTERNAL') options.onUnexpectedError?.(channel, error);
    return { ok: false, error: shape };
  } finally {
    release?.();
  }

  if (options.validateResponses) {
    const checked = contract.response.safeParse(value);
    if (!checked.success) {
      options.onUnexpectedError?.(
        channel,
        new Error(`response does not match the contract at "${checked.error.issues[0]?.path.join('.')}"`),
      );
      return { ok: false, error: toErrorShape(null) };
    }
  }
  return { ok: true, value };
}

/**
 * What main may log about an unexpected error: its type and stack frames, never its message,
 * which could quote input (and input can be key material).
 */
export function describeUnexpectedError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  return [error.name, ...frames.slice(0, 8)].join('\n');
}
