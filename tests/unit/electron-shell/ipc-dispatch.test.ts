import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/contract';
import { CustodyError } from '../../../electron/custody/custody-error';
import { type Handlers, describeUnexpectedError, dispatch } from '../../../electron/main/ipc-dispatch';

/** Handlers that fail the test if called, except those given. */
function handlersWith(
  overrides: Partial<Record<string, (request: never) => Promise<unknown>>> = {},
): Handlers & Record<string, ReturnType<typeof vi.fn>> {
  return Object.fromEntries(
    CHANNEL_NAMES.map((name) => [
      name,
      vi.fn(
        overrides[name] ??
          (async () => {
            throw new Error(`${name} must not be called`);
          }),
      ),
    ]),
  ) as never;
}

const KEY_ID = 'k_0123456789abcdef';

describe('dispatch', () => {
  it('calls the handler with the parsed request and wraps the answer in a Result', async () => {
    const handlers = handlersWith({ 'keys.activate': async () => ({ id: KEY_ID }) });
    const answer = await dispatch('keys.activate', { workflowId: 'onUserTokenGeneration', keyId: KEY_ID }, handlers);
    expect(answer).toEqual({ ok: true, value: { id: KEY_ID } });
    expect(handlers['keys.activate']).toHaveBeenCalledWith({ workflowId: 'onUserTokenGeneration', keyId: KEY_ID });
  });

  it('treats a missing request as empty, for channels that take none', async () => {
    const handlers = handlersWith({ 'workflows.list': async () => [] });
    expect(await dispatch('workflows.list', undefined, handlers)).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['an unknown channel', 'keys.steal', {}],
    ['a prototype key as channel', '__proto__', {}],
    ['a non-string channel', 42, {}],
  ])('refuses %s with INVALID_INPUT', async (_what, channel, request) => {
    const handlers = handlersWith();
    const answer = await dispatch(channel, request, handlers);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it.each([
    ['a bad workflow id', 'keys.activate', { workflowId: 'no spaces allowed', keyId: KEY_ID }, '"workflowId"'],
    ['a bad key id', 'keys.delete', { workflowId: 'wf', keyId: 'k_nothex' }, '"keyId"'],
    ['a missing field', 'keys.deactivate', { workflowId: 'wf' }, '"keyId"'],
    ['an unexpected field', 'workflows.list', { sneaky: true }, 'sneaky'],
    ['a wrong type', 'workflows.add', { id: 'wf', rotationDays: 'ninety' }, '"rotationDays"'],
    ['a nested field', 'payloads.decrypt', { payloads: [{ source: 'a', text: 1 }], scope: { mode: 'any' } }, '"payloads.0.text"'],
    ['not an object at all', 'keys.list', 'onUserTokenGeneration', '"request"'],
  ])('refuses %s with INVALID_INPUT naming the field, without calling the handler', async (_what, channel, request, field) => {
    const handlers = handlersWith();
    const answer = await dispatch(channel, request, handlers);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('INVALID_INPUT');
    expect(answer.error.message).toContain(field);
    expect(answer.error.message).toContain('Nothing was changed');
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('never quotes the value it refused (it could be key material)', async () => {
    const secret = 'A'.repeat(2_000);
    const answer = await dispatch('keys.import', { workflowId: 'wf', value: secret }, handlersWith());
    expect(answer.ok).toBe(false);
    expect(JSON.stringify(answer)).not.toContain('AAAAAAAAAA');
  });

  it('passes a CustodyError through with its code and message', async () => {
    const handlers = handlersWith({
      'keys.delete': async () => {
        throw new CustodyError('ACTIVE_KEY_DELETE_REFUSED', 'The active key cannot be deleted. Deactivate it first.');
      },
    });
    const answer = await dispatch('keys.delete', { workflowId: 'wf', keyId: KEY_ID }, handlers);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'ACTIVE_KEY_DELETE_REFUSED', message: 'The active key cannot be deleted. Deactivate it first.' },
    });
  });

  it('turns any other error into INTERNAL without its detail, and reports it', async () => {
    const onUnexpectedError = vi.fn();
    const handlers = handlersWith({
      'audit.list': async () => {
        throw new Error('ENOENT: /home/officer/secret/path');
      },
    });
    const answer = await dispatch('audit.list', {}, handlers, { onUnexpectedError });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toContain('ENOENT');
    expect(onUnexpectedError).toHaveBeenCalledWith('audit.list', expect.any(Error));
  });

  it('checks answers against the contract when asked to', async () => {
    const onUnexpectedError = vi.fn();
    const handlers = handlersWith({ 'workflows.list': async () => [{ id: 'not a summary' }] });
    expect(await dispatch('workflows.list', {}, handlers)).toMatchObject({ ok: true });
    const checked = await dispatch('workflows.list', {}, handlers, { validateResponses: true, onUnexpectedError });
    expect(checked).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(onUnexpectedError).toHaveBeenCalledOnce();
  });
});

describe('describeUnexpectedError', () => {
  it('keeps the error type and stack frames but never the message', () => {
    const error = new TypeError('value was sk_live_secret');
    const text = describeUnexpectedError(error);
    expect(text).toContain('TypeError');
    expect(text).toContain('at ');
    expect(text).not.toContain('sk_live_secret');
  });
});
