// The test command (`npm test`, used by the README and .ci/run): the type check, the linter and
// every test suite, in order, each run to the end even when an earlier one failed; then a summary
// and one closing line `N passed, N failed[, N skipped]`. Exits non-zero if anything failed.
//
// Adding a suite is one line in SUITES: a check (counts as one test), or a runner whose counts come
// from its JSON report, written to the path that replaces @REPORT@ — for Playwright:
//   { name: 'e2e', command: [bin('playwright'), 'test', '--reporter=list,json'],
//     env: { PLAYWRIGHT_JSON_OUTPUT_FILE: '@REPORT@' }, report: 'playwright', secretService: true },
// `secretService` runs it inside with-secret-service.sh (a private gnome-keyring when no Secret
// Service answers).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronE2eSkipLine } from './electron-e2e-readiness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const harness = join(root, 'tests', 'support', 'with-secret-service.sh');

const check = (name, command) => ({ name, command, report: 'exit-code' });
const vitest = (name, project, options = {}) => ({
  name,
  command: [bin('vitest'), 'run', '--project', project, '--reporter=default', '--reporter=json', '--outputFile.json=@REPORT@'],
  report: 'vitest',
  ...options,
});

const playwright = (name, project) => ({
  name,
  command: [bin('playwright'), 'test', `--project=${project}`, '--reporter=list,json'],
  env: { PLAYWRIGHT_JSON_OUTPUT_FILE: '@REPORT@' },
  report: 'playwright',
  secretService: true,
});

// Electron's binary cannot be downloaded everywhere, nor a display found: without them that suite is skipped, visibly.
const electronSkip = electronE2eSkipLine();

const SUITES = [
  check('typecheck', ['npm', 'run', '--silent', 'typecheck']),
  check('lint', ['npm', 'run', '--silent', 'lint']),
  vitest('unit', 'unit'),
  vitest('components', 'components'),
  vitest('integration', 'integration', { secretService: true }),
  // Builds out/ (its globalSetup), which the security scan below reads.
  playwright('e2e-chromium', 'chromium'),
  check('electronegativity', ['node', 'build/electronegativity-check.mjs']),
  electronSkip
    ? { name: 'e2e-electron', skip: electronSkip }
    : {
        ...playwright('e2e-electron', 'electron'),
        command: ['node', 'tests/support/run-electron-e2e.mjs', '--reporter=list,json'],
        secretService: false,
      },
];

/** Counts and names of failed and skipped tests, from each runner's JSON report. */
const READERS = {
  vitest(report) {
    const tests = report.testResults.flatMap((file) => file.assertionResults);
    // A file that fails to load has no tests to count; it still counts as a failure.
    const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + brokenFiles.length,
      skipped: report.numPendingTests + report.numTodoTests,
      failures: [
        ...tests.filter((t) => t.status === 'failed').map((t) => t.fullName),
        ...brokenFiles.map((f) => `${f.name}: ${f.message}`),
      ],
      skips: tests.filter((t) => ['skipped', 'pending', 'todo'].includes(t.status)).map((t) => t.fullName),
    };
  },
  playwright(report) {
    const tests = [];
    const walk = (suite) => {
      for (const spec of suite.specs ?? [])
        for (const test of spec.tests) tests.push({ title: `${spec.file} › ${spec.title}`, status: test.status });
      for (const child of suite.suites ?? []) walk(child);
    };
    report.suites.forEach(walk);
    return {
      passed: report.stats.expected + report.stats.flaky,
      failed: report.stats.unexpected + (report.errors?.length ?? 0),
      skipped: report.stats.skipped,
      failures: [
        ...tests.filter((t) => t.status === 'unexpected').map((t) => t.title),
        ...(report.errors ?? []).map((e) => e.message),
      ],
      skips: tests.filter((t) => t.status === 'skipped').map((t) => t.title),
    };
  },
};

function run(command, env) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`could not start ${command[0]}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function runSuite(suite) {
  if (suite.skip) {
    console.log(`\n━━ ${suite.name}: ${suite.skip}`);
    return { passed: 0, failed: 0, skipped: 1, failures: [], skips: [suite.skip] };
  }
  const scratch = mkdtempSync(join(tmpdir(), 'custody-report-'));
  const reportPath = join(scratch, 'report.json');
  const fill = (text) => text.replace('@REPORT@', reportPath);
  const command = [...(suite.secretService ? [harness] : []), ...suite.command.map(fill)];
  const env = Object.fromEntries(Object.entries(suite.env ?? {}).map(([k, v]) => [k, fill(v)]));
  console.log(`\n━━ ${suite.name}: ${command.map((part) => part.replace(root + '/', '')).join(' ')}`);
  const exitCode = await run(command, env);
  try {
    if (suite.report === 'exit-code') {
      return exitCode === 0
        ? { passed: 1, failed: 0, skipped: 0, failures: [], skips: [] }
        : { passed: 0, failed: 1, skipped: 0, failures: [`${suite.name} exited with ${exitCode}`], skips: [] };
    }
    let counts;
    try {
      counts = READERS[suite.report](JSON.parse(readFileSync(reportPath, 'utf8')));
    } catch {
      return {
        passed: 0,
        failed: 1,
        skipped: 0,
        failures: [`${suite.name} exited with ${exitCode} and wrote no report`],
        skips: [],
      };
    }
    // A runner can fail outside any test (an unhandled error, a crashed worker): never let that pass.
    if (exitCode !== 0 && counts.failed === 0) {
      counts.failed = 1;
      counts.failures.push(`${suite.name} exited with ${exitCode} although no test failed`);
    }
    return counts;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const results = [];
for (const suite of SUITES) results.push({ name: suite.name, ...(await runSuite(suite)) });

console.log('\n━━ summary');
for (const r of results) {
  console.log(`${r.name.padEnd(12)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
  for (const failure of r.failures) console.log(`  failed:  ${failure}`);
  for (const skip of r.skips) console.log(`  skipped: ${skip}`);
}
const total = (field) => results.reduce((sum, r) => sum + r[field], 0);
const skipped = total('skipped');
console.log(`${total('passed')} passed, ${total('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(total('failed') > 0 ? 1 : 0);
