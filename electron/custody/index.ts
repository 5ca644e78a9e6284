/**
 * The core's public face: main, the CLI and the end-to-end tests import the core through this
 * module only (eslint.config.mjs forbids deep imports from them). A unit test of a core module
 * imports that module directly. Export here only what those callers use.
 */

// The custody service: vault, keys, decrypt and audit behind one object.
export { Custody } from './custody';
export type { AcceptedRollback, NewVault } from './vault-store';
export type { DiscardedVaults } from './vault-generation';

// Where the core keeps its files and keychain entry, and the product's name.
export {
  PRODUCT_NAME,
  VAULT_KEY_ACCOUNT,
  auditFilePath,
  browserDataPath,
  lockFilePath,
  resolveLocation,
  vaultFilePath,
} from './custody-paths';

// The OS keychain behind the vault key, and the interface a stand-in store implements.
export { createKeytarSecretStore } from './keytar-secret-store';
export type { SecretStore } from './secret-store';

// Coded errors: thrown by the core, turned into the contract's error shape at every boundary.
export { CustodyError, toErrorShape } from './custody-error';

// The passphrase's memory-hard cost, as the vault header records it.
export type { ScryptParams } from './scrypt-params';

// Key material as the user types and sees it: parse, format, fingerprint.
export { fingerprintOf, formatKey, parseKey } from './key-material';

// Sealing a body as secureFetch would, to test a receiver (`custody encrypt --key-file`).
export { sealPayload } from './payload-codec';

// Output files that only their owner can read.
export { CHOOSE_ANOTHER_FILE, privateFileSink } from './private-file';

// Receiver snippets for a secureFetch body.
export { KEY_PLACEHOLDER, RECEIVER_SNIPPETS, SNIPPET_LANGUAGES, type SnippetLanguage } from './receiver-snippets';

// The decrypt engine: captures in, chunks decrypted in input order on worker threads, results or
// export lines out (docs/architecture.md, the decrypt engine). `Custody.decryptBatch` runs it with
// the vault's keys; `runDecryptBatch` with keys from a key file.
export {
  type CaptureItem,
  countFolderFiles,
  fileCapture,
  folderCaptures,
  harCaptures,
  harTextCaptures,
  skippedLink,
  walkFolder,
} from './capture-sources';
export { openRegularFile } from './input-file';
export { type BatchOptions, type BatchSummary, itemChunks, runDecryptBatch } from './decrypt-batch';
export type { ChunkInput, ChunkOutput } from './decrypt-chunk';
export { defaultWorkerCount } from './decrypt-pool';
export { type OutputMode, exportWriter, linesExport } from './decrypt-report';
export { ndjsonChunks, ndjsonFileChunks } from './ndjson-chunks';
export { candidatesFromRawKeys } from './payload-decryptor';
export { type TextSink, textSink } from './text-sink';
