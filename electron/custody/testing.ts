/**
 * The core's face for test fixtures that seed a vault faster than the app could: the vault's rules,
 * applied in memory inside one `store.transact`, so thousands of keys go in one sealed, audited
 * write instead of one each. Only tests import this (eslint.config.mjs forbids it to main and the CLI).
 */
export { activeKeyOf, addKey, addWorkflow, deactivateKey, deleteKey, findWorkflow } from './key-lifecycle';
export { generateKey } from './key-material';
export type { VaultState } from './vault-state';
