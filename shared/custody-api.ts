/**
 * Builds `window.custody` from the contract: intent-level functions grouped by domain
 * (`custody.keys.activate({ workflowId, keyId })`). The preload and the Chromium test bridge both
 * call this factory; only the transport differs. Nothing here throws: every call resolves to a
 * Result, and a broken transport becomes an INTERNAL error. Dropped files are the one call whose
 * page-facing shape differs from its channel: the page hands over File objects and the transport
 * turns them into paths, so the page never sends a path it made itself.
 */
import type { Result } from './errors';
import {
  CHANNEL_NAMES,
  type ChannelName,
  type EventName,
  type EventPayloadOf,
  type RequestOf,
  type ResponseOf,
  events,
} from './contract';

export interface CustodyTransport {
  invoke(channel: ChannelName, request: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Where a dropped file or folder is on disk (the preload: webUtils.getPathForFile); '' when nowhere. */
  pathForFile(file: File): string;
}

type Split<S extends string> = S extends `${infer D}.${infer M}` ? [D, M] : never;
type DomainOf<C extends ChannelName> = Split<C>[0];
type MethodOf<C extends ChannelName> = Split<C>[1];
type Domains = DomainOf<ChannelName>;

/** A request with nothing required may be left out: `custody.workflows.list()`. */
type CallOf<C extends ChannelName> =
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  {} extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

type Dropped = 'batches.startDropped';
type Generic = Exclude<ChannelName, Dropped>;

export type CustodyApi = {
  [D in Domains]: { [C in Generic as DomainOf<C> extends D ? MethodOf<C> : never]: CallOf<C> };
} & {
  batches: {
    startDropped(request: { scope: RequestOf<Dropped>['scope']; files: readonly File[] }): Promise<Result<ResponseOf<Dropped>>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
};

const TRANSPORT_FAILED = {
  ok: false as const,
  error: { code: 'INTERNAL' as const, message: 'The app did not answer. Restart Workflow Key Custody; nothing was changed.' },
};

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function createCustodyApi(transport: CustodyTransport): CustodyApi {
  const api: Record<string, Record<string, (request?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of CHANNEL_NAMES) {
    const [domain, method] = name.split('.') as [string, string];
    api[domain] ??= {};
    api[domain][method] = async (request: unknown = {}) => {
      try {
        const answer = await transport.invoke(name, request);
        return isResult(answer) ? answer : TRANSPORT_FAILED;
      } catch {
        return TRANSPORT_FAILED;
      }
    };
  }
  const { batches } = api;
  const startDropped = batches?.startDropped;
  if (batches && startDropped) {
    batches.startDropped = async (request: unknown) => {
      const { scope, files } = request as { scope: unknown; files: readonly File[] };
      let paths: string[];
      try {
        paths = files.map((file) => transport.pathForFile(file));
      } catch {
        return TRANSPORT_FAILED;
      }
      return startDropped({ scope, paths });
    };
  }
  const on = (event: EventName, listener: (payload: never) => void) => {
    if (!(event in events)) throw new Error(`Unknown event ${String(event)}`);
    return transport.subscribe(event, (payload) => {
      const parsed = events[event].safeParse(payload);
      if (parsed.success) listener(parsed.data as never);
    });
  };
  return Object.freeze({ ...api, on }) as unknown as CustodyApi;
}
