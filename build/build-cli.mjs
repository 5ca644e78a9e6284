// Bundles the `custody` command line for plain Node (npm `prepare` and `npm run build:cli`):
// out/cli/custody.cjs, the keychain helper process it starts, out/cli/keychain-helper.cjs, and the
// decrypt worker thread it runs large batches on, out/cli/decrypt-worker.cjs.
// keytar stays outside the bundles: it is a native module.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  absWorkingDir: root,
  entryPoints: {
    custody: 'electron/cli/main.ts',
    'keychain-helper': 'electron/cli/keychain-helper.ts',
    'decrypt-worker': 'electron/custody/decrypt-worker.ts',
  },
  outdir: 'out/cli',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['keytar', 'electron'],
  legalComments: 'none',
  logLevel: 'warning',
});
