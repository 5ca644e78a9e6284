// Never log key material: the vault key passes through here.
import { createKeytarSecretStore, toErrorShape } from '../custody';
import type { KeychainAnswer, KeychainReply, KeychainRequest } from './keychain-protocol';

/**
 * The keychain helper process: does the CLI's keytar calls, so that a call stuck in a native
 * thread (a Secret Service that never answers) is stuck here, where the CLI can kill it, and not
 * in the CLI, whose exit would wait for that thread forever.
 */
const store = createKeytarSecretStore();

function perform(request: KeychainRequest): Promise<KeychainAnswer> {
  if (request.op === 'get') return store.get(request.service, request.account);
  if (request.op === 'set') return store.set(request.service, request.account, request.value).then(() => null);
  return store.delete(request.service, request.account);
}

function reply(message: KeychainReply): void {
  process.send?.(message);
}

process.on('message', (request: KeychainRequest) => {
  perform(request).then(
    (value) => reply({ id: request.id, ok: true, value }),
    (error: unknown) => reply({ id: request.id, ok: false, error: toErrorShape(error) }),
  );
});

// The CLI is gone: end at once, since a normal exit would wait for a stuck keychain thread.
process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
