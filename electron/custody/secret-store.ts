/**
 * The port to the OS keychain. The core depends on this, never on keytar, so unit tests can use
 * an in-memory store while integration tests and the app use the real keychain.
 * Never log key material: values passing through here are the vault key.
 */
export interface SecretStore {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, value: string): Promise<void>;
  delete(service: string, account: string): Promise<boolean>;
}
