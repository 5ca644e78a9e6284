// Bundles the `custody` command line for plain Node (npm `prepare` and `npm run build:cli`):
// out/cli/custody.cjs, the keychain helper process it starts, out/cli/keychain-helper.cjs, and the
// decrypt worker thread it runs large batches on, out/cli/decrypt-worker.cjs.
// keytar stays outside the bundles: it is a native module.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The modules of the core and of shared/ do nothing when loaded (decrypt-worker.ts, an entry point,
 * is never imported), so a bundle may leave out those it does not use: the keychain helper takes
 * two functions from the core's index.ts, not the whole core.
 */
const CODE_WITHOUT_LOAD_EFFECTS = /[\\/](electron[\\/]custody|shared)[\\/][^\\/]+\.ts$/;
const leaveOutUnused = {
  name: 'leave-out-unused-core-modules',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async ({ path, kind, importer, resolveDir, pluginData }) => {
      if (pluginData === 'resolving') return undefined;
      const resolved = await build.resolve(path, { kind, importer, resolveDir, pluginData: 'resolving' });
      if (resolved.errors.length > 0 || !CODE_WITHOUT_LOAD_EFFECTS.test(resolved.path)) return resolved;
      return { ...resolved, sideEffects: false };
    });
  },
};

const result = await build({
  absWorkingDir: root,
  write: false,
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
  plugins: [leaveOutUnused],
});

// Each file is written beside itself and renamed over the old one: test files rebuild the CLI while
// others run it, and a half-written bundle must never be loaded.
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const temp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temp, file.contents);
  renameSync(temp, file.path);
}
