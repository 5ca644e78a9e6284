/**
 * A main process in miniature for the renderer's unit tests: `window.custody` built by the real
 * shared factory over a fake transport, so every call is a Result as in the app. Channels answer
 * what the test says (now or later); events are pushed by hand.
 */
import type { ChannelName, EventName, EventPayloadOf, RequestOf, ResponseOf } from '../../shared/contract';
import { type CustodyApi, createCustodyApi } from '../../shared/custody-api';
import type { CustodyErrorShape } from '../../shared/errors';

type Answer = { ok: true; value: unknown } | { ok: false; error: CustodyErrorShape };

export function fakeMain() {
  const handlers = new Map<ChannelName, (request: unknown) => Answer | Promise<Answer>>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: Array<{ channel: ChannelName; request: unknown }> = [];
  const api: CustodyApi = createCustodyApi({
    invoke: async (channel, request) => {
      calls.push({ channel, request });
      const handler = handlers.get(channel);
      return handler ? handler(request) : { ok: false, error: { code: 'INTERNAL', message: `no fake for ${channel}` } };
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    // Test-only: a dropped file "is" at /dropped/<its name>.
    pathForFile: (file) => `/dropped/${file.name}`,
  });
  return {
    api,
    calls,
    answer<C extends ChannelName>(channel: C, value: (request: RequestOf<C>) => ResponseOf<C>) {
      handlers.set(channel, (request) => ({ ok: true, value: value(request as RequestOf<C>) }));
    },
    refuse(channel: ChannelName, error: CustodyErrorShape) {
      handlers.set(channel, () => ({ ok: false, error }));
    },
    /** Answers when the test says so, to model a slow call. */
    answerLater(channel: ChannelName): (value: unknown) => void {
      let release: (value: unknown) => void = () => undefined;
      handlers.set(channel, () => new Promise<Answer>((resolve) => (release = (value) => resolve({ ok: true, value }))));
      return (value) => release(value);
    },
    emit<E extends EventName>(event: E, payload: EventPayloadOf<E>) {
      listeners.get(event)?.forEach((listener) => listener(payload));
    },
    callsTo(channel: ChannelName) {
      return calls.filter((c) => c.channel === channel).map((c) => c.request);
    },
  };
}

export type FakeMain = ReturnType<typeof fakeMain>;
