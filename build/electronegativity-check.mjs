#!/usr/bin/env node
// Runs Electronegativity offline over the sources and the build (docs/security.md) and
// fails on any finding not accepted, with a justification, in build/electronegativity-accepted.json.
//
// Equivalent to `electronegativity -i <tree> -e 45.5.0 -x AvailableSecurityFixesGlobalCheck`, but
// through its runner: its CLI resolves the project's commander 14, whose API it does not speak,
// and it fetches translations from GitHub at start, which we answer locally so nothing goes online.
// Build out/ first (npm run test:security does).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(repo, 'package.json'));
// Read as a file: loading the electron package itself would start its binary download.
const ELECTRON_VERSION = JSON.parse(readFileSync(path.join(repo, 'node_modules/electron/package.json'), 'utf8')).version;
const accepted = JSON.parse(readFileSync(path.join(repo, 'build/electronegativity-accepted.json'), 'utf8'));

// What ships or becomes the app: sources of main, preload, core and renderer, and the built out/
// (without out/cli, the command line's bundle, which never runs inside Electron).
const tree = mkdtempSync(path.join(tmpdir(), 'custody-electronegativity-'));
for (const part of ['electron', 'shared', 'renderer', 'out', 'package.json']) {
  if (!existsSync(path.join(repo, part))) {
    console.error(
      `electronegativity-check: ${part} is missing${part === 'out' ? ' (run `npx electron-vite build` first)' : ''}.`,
    );
    process.exit(1);
  }
  cpSync(path.join(repo, part), path.join(tree, part), {
    recursive: true,
    filter: (src) => !src.startsWith(path.join(repo, 'out', 'cli')),
  });
}

const electronegativity = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const i18nRequire = createRequire(path.join(electronegativity, 'dist/locales/i18n.js'));
const gotPath = i18nRequire.resolve('got');
i18nRequire.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  children: [],
  exports: () => Promise.reject(new Error('offline: translations are not fetched')),
};
const run = i18nRequire(path.join(electronegativity, 'dist/runner.js'));

const quiet = console.log;
console.log = () => undefined; // its banner and translation notice; results are printed below
let result;
try {
  result = await run({
    input: tree,
    electronVersionOverride: ELECTRON_VERSION,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true,
    isVerbose: false,
  });
} finally {
  console.log = quiet;
  rmSync(tree, { recursive: true, force: true });
}

const globToRegExp = (glob) =>
  new RegExp(
    `^${glob
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}$`,
  );
const matches = (entry, file) => globToRegExp(entry.file).test(file.split(path.sep).join('/'));

const used = new Set();
const unexplained = [];
for (const issue of result.issues) {
  const entry = accepted.findings.find((a) => a.id === issue.id && matches(a, issue.file));
  if (entry) used.add(entry);
  else unexplained.push(`${issue.id} ${issue.file}:${issue.location.line}:${issue.location.column} — ${issue.description}`);
}
for (const error of result.errors.filter((e) => !e.tolerable)) {
  const file = path.relative(tree, error.file);
  const entry = accepted.parseErrors.find((a) => matches(a, file));
  if (entry) used.add(entry);
  else unexplained.push(`parse error in ${file}: ${error.message}`);
}
const stale = [...accepted.findings, ...accepted.parseErrors].filter((entry) => !used.has(entry));

console.log(
  `Electronegativity ${require('@doyensec/electronegativity/package.json').version}, Electron ${ELECTRON_VERSION}: ` +
    `${result.globalChecks + result.atomicChecks} checks, ${result.issues.length} findings, ${used.size} accepted entries used.`,
);
for (const line of unexplained) console.error(`  not accepted: ${line}`);
for (const entry of stale)
  console.error(`  stale acceptance (nothing matches it any more): ${entry.id ?? 'parse error'} ${entry.file}`);
if (process.argv.includes('--json')) writeFileSync(process.stdout.fd, `${JSON.stringify(result.issues, null, 2)}\n`);
if (unexplained.length > 0 || stale.length > 0) {
  console.error('Explain each finding in build/electronegativity-accepted.json (or fix it), and remove stale entries.');
  process.exit(1);
}
