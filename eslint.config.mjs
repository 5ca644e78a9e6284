// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { noImportCycle } from './build/lint/no-import-cycle.mjs';

/** The only files allowed to touch Electron's raw IPC objects (docs/architecture.md). */
const IPC_WRAPPERS = ['electron/main/ipc-main.ts', 'electron/preload/ipc-renderer.ts'];

const rawIpcBan = [
  { selector: "Identifier[name='ipcMain']", message: 'Use the typed wrapper in electron/main/ipc-main.ts.' },
  { selector: "Identifier[name='ipcRenderer']", message: 'Use the typed wrapper in electron/preload/ipc-renderer.ts.' },
  {
    selector: "MemberExpression[object.property.name='webContents'][property.name='send']",
    message: 'Push events through the typed wrapper in electron/main/ipc-main.ts.',
  },
  {
    selector: "MemberExpression[object.name='webContents'][property.name='send']",
    message: 'Push events through electron/main/ipc-main.ts.',
  },
];

/** The dependency direction of docs/architecture.md, enforced by folder. */
const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

/**
 * The core's one public face is electron/custody/index.ts (import it as the folder); test fixtures
 * may also use electron/custody/testing.ts. Unit tests of a core module import it directly.
 */
const coreThroughIndex = (...alsoAllowed) => ({
  group: ['**/custody/*', '!**/custody/index', ...alsoAllowed.map((name) => `!**/custody/${name}`)],
  message: 'Import the core through electron/custody (its index.ts): deep imports bypass its public face.',
});
const cliPatterns = [
  { group: ['electron', 'electron/*'], message: 'The CLI must never load Electron (that starts its binary download).' },
  { group: ['**/main', '**/main/**', '**/preload/**', '**/renderer/**'], message: 'The CLI uses the core only.' },
];
const mainPatterns = [
  { group: ['**/cli', '**/cli/**'], message: 'Main never imports the CLI: what both need lives in the core or shared/.' },
];
const TEST_FOLDERS = ['tests/e2e/**', 'tests/support/**', 'tests/integration/**'];
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-syntax': ['error', ...rawIpcBan],
    },
  },
  { files: IPC_WRAPPERS, rules: { 'no-restricted-syntax': 'off' } },
  restrict(
    ['electron/custody/**'],
    [
      { group: ['electron', 'electron/*'], message: 'The core never imports Electron: the CLI and tests run it in plain Node.' },
      {
        group: ['**/main/**', '**/preload/**', '**/renderer/**', '**/cli/**'],
        message: 'The core imports nothing of the processes that use it.',
      },
    ],
  ),
  restrict(
    ['shared/**'],
    [
      {
        group: ['electron', 'electron/*', 'node:*'],
        message: 'The contract is plain TypeScript and zod, usable in every process.',
      },
      { group: ['**/electron/**', '**/renderer/**'], message: 'The contract imports from no process folder.' },
    ],
  ),
  restrict(['electron/cli/**'], [...cliPatterns, coreThroughIndex()]),
  restrict(['electron/main/**'], [...mainPatterns, coreThroughIndex()]),
  restrict(TEST_FOLDERS, [coreThroughIndex('testing')]),
  restrict(
    ['electron/preload/**'],
    [
      {
        group: ['**/custody', '**/custody/**', '**/main', '**/main/**', '**/renderer/**', 'node:*'],
        message: 'The preload only bridges the contract.',
      },
    ],
  ),
  restrict(
    ['renderer/**'],
    [
      { group: ['electron', 'electron/*', 'node:*', 'keytar'], message: 'The renderer has no Node and no Electron.' },
      { group: ['**/electron/**'], message: 'The renderer imports only shared/ (the contract).' },
    ],
  ),
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: { 'local/no-import-cycle': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['tests/**', 'build/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
);
