/**
 * Builds the three parts of the app into out/: main (Node, CommonJS, keytar left to node_modules
 * because it is native), the sandboxed preload (one self-contained CommonJS file: a sandboxed
 * preload can require only 'electron' and a few builtins), and the renderer (React).
 * Never start Electron from here: `electron-vite build` needs no Electron binary.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin, Rollup } from 'vite';
import { applyCspMeta } from './build/csp-meta';

/** zod's sources carry comments Rollup reports as misplaced annotations; they are harmless noise. */
function quietDependencyAnnotations(warning: Rollup.RollupLog, warn: (warning: Rollup.RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
  warn(warning);
}

/** See build/csp-meta.ts: the page's CSP meta tag is the app's policy, checked at every build. */
function contentSecurityPolicyMeta(): Plugin {
  let mode: 'build' | 'serve' = 'build';
  return {
    name: 'custody-content-security-policy',
    configResolved(config) {
      mode = config.command;
    },
    transformIndexHtml: { order: 'pre', handler: (html) => applyCspMeta(html, mode) },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Everything is bundled except keytar (a native module), so the package needs no other node_modules.
      externalizeDeps: false,
      rollupOptions: {
        // The decrypt worker is its own file: worker threads load it by path (decrypt-batches.ts).
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'decrypt-worker': resolve(__dirname, 'electron/custody/decrypt-worker.ts'),
        },
        external: ['keytar'],
        onwarn: quietDependencyAnnotations,
        // The core loads keytar lazily; a plain require() also resolves inside app.asar.
        output: { dynamicImportInCjs: false },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        onwarn: quietDependencyAnnotations,
        output: { format: 'cjs', entryFileNames: '[name].js', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      // No data: URLs for fonts or scripts: every asset is a file served by app://.
      assetsInlineLimit: 0,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
