/**
 * The core's face for test fixtures that seed a vault faster than the app could: the vault's rules
 * and its sealed file, so thousands of keys go in one write instead of one sealed write each. Only
 * tests import this (eslint.config.mjs forbids it to main and the CLI): it bypasses the audit log.
 */

// The vault's rules, applied in memory (each returns the next state).
export { activeKeyOf, addKey, addWorkflow, deactivateKey, findWorkflow } from './key-lifecycle';
export { generateKey } from './key-material';
export type { VaultState } from './vault-state';

// The sealed vault file and the keychain's vault key that opens it.
export { nextHeader, readVaultText, unsealVault, writeVault } from './vault-file';
export { readVaultKey } from './vault-key';
