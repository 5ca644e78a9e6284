/**
 * Simulate is honest: a payload sealed in the app is accepted by the workflow's receiver, so once
 * per unlock, before the first one, main asks with a native dialog. `payloads.encrypt` is refused
 * until the question was answered Continue; `resetForLock` asks again after the next unlock.
 */
import { CustodyError } from '../custody';

export interface SimulateConsent {
  /** Asks (once per unlock; later calls answer at once): true for Continue. */
  confirm(): Promise<boolean>;
  /** Throws INVALID_INPUT unless Continue was chosen since the last lock. */
  require(): void;
  /** The lock calls this: the next unlock asks again. */
  resetForLock(): void;
}

export function createSimulateConsent(ask: () => Promise<boolean>): SimulateConsent {
  let given = false;
  let asking: Promise<boolean> | null = null;
  return {
    async confirm() {
      if (given) return true;
      // Two clicks share one dialog.
      asking ??= ask().finally(() => {
        asking = null;
      });
      given = (await asking) || given;
      return given;
    },
    require() {
      if (!given)
        throw new CustodyError(
          'INVALID_INPUT',
          'Confirm first that payloads sealed here are accepted by your receiver; nothing was encrypted.',
        );
    },
    resetForLock() {
      given = false;
    },
  };
}
