import type { Custody } from '../../electron/custody';
import { createBatchManager } from '../../electron/main/decrypt-batches';
import { type Handlers, dispatch } from '../../electron/main/ipc-dispatch';
import { createHandlers } from '../../electron/main/ipc-handlers';
import { createVaultSession } from '../../electron/main/vault-session';
import type { ChannelName } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { buildDecryptWorker } from '../support/build-worker';
import { fakeDesktop, fakeMainParts } from '../support/fake-main-parts';

/** The app's main process without Electron: its IPC handlers over `custody`, called as the renderer calls them. */
export interface MainUnderTest {
  custody: Custody;
  handlers: Handlers;
  call(channel: ChannelName, request: unknown): Promise<Result<unknown>>;
  stop(): Promise<void>;
}

export function startMain(custody: Custody): MainUnderTest {
  const desktop = fakeDesktop();
  const { parts } = fakeMainParts(desktop);
  const emit = () => undefined;
  const batches = createBatchManager({ custody, emit, workerScript: buildDecryptWorker() });
  const handlers = createHandlers({
    custody,
    desktop,
    emit,
    startup: custody.status(),
    batches,
    ...parts,
    session: createVaultSession({ custody, stopBatches: () => batches.stopAll(), emit }),
    noteActivity: () => undefined,
  });
  return {
    custody,
    handlers,
    call: (channel, request) => dispatch(channel, request, handlers, { validateResponses: true }),
    stop: () => batches.stopAll(),
  };
}
