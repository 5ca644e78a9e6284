// Never log key material: the vault key passes through here.
import { type ChildProcess, fork } from 'node:child_process';
import { CustodyError, type SecretStore } from '../custody';
import type { KeychainAnswer, KeychainOperation, KeychainReply, KeychainRequest } from './keychain-protocol';

export interface ClosableSecretStore extends SecretStore {
  /** Kills the helper; a call still waiting on the keychain is abandoned with it. */
  close(): void;
}

function helperFailed(why: string): CustodyError {
  return new CustodyError(
    'KEYCHAIN_UNAVAILABLE',
    `The OS keychain could not be used (${why}). Try again; reinstall if it persists.`,
  );
}

/**
 * The CLI's keychain: keytar running in a helper process (keychain-helper.ts), started on first
 * use. A keytar call that hangs blocks a native thread, and a process cannot exit while one is
 * blocked; in the helper it blocks a process the CLI kills when it is done. The helper applies
 * the keychain time-out (CUSTODY_KEYCHAIN_TIMEOUT_MS) and answers KEYCHAIN_UNAVAILABLE.
 */
export function createHelperSecretStore(helperScript: string): ClosableSecretStore {
  let helper: ChildProcess | null = null;
  const pending = new Map<number, { resolve: (value: KeychainAnswer) => void; reject: (error: Error) => void }>();
  let nextId = 0;

  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  const start = (): ChildProcess => {
    const child = fork(helperScript, [], { execArgv: [], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    child.on('message', (message: KeychainReply) => {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new CustodyError(message.error.code, message.error.message));
    });
    child.on('error', () => failAll(helperFailed('the keychain helper could not be started')));
    child.on('exit', () => {
      helper = null;
      failAll(helperFailed('the keychain helper stopped unexpectedly'));
    });
    return child;
  };

  const call = (operation: KeychainOperation): Promise<KeychainAnswer> =>
    new Promise((resolve, reject) => {
      helper ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      helper.send({ ...operation, id } satisfies KeychainRequest);
    });

  return {
    get: async (service, account) => (await call({ op: 'get', service, account })) as string | null,
    set: async (service, account, value) => {
      await call({ op: 'set', service, account, value });
    },
    delete: async (service, account) => (await call({ op: 'delete', service, account })) as boolean,
    close: () => {
      helper?.kill('SIGKILL');
      helper = null;
    },
  };
}
