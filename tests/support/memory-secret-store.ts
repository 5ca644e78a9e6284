import type { SecretStore } from '../../electron/custody';

/** Unit tests only: integration and E2E tests use the real keychain. */
export function createMemorySecretStore(): SecretStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  const id = (service: string, account: string) => `${service}\u0000${account}`;
  return {
    items,
    get: async (service, account) => items.get(id(service, account)) ?? null,
    set: async (service, account, value) => {
      items.set(id(service, account), value);
    },
    delete: async (service, account) => items.delete(id(service, account)),
  };
}
