/**
 * End-to-end tests. Two projects:
 * - chromium: the built renderer in Debian's Chromium, `window.custody` bridged to the real
 *   main-side handlers over the real keychain (tests/support/custody-bridge.ts). Run inside
 *   tests/support/with-secret-service.sh on Linux.
 * - electron: the real app through Playwright's `_electron`, where the Electron binary is
 *   installed; `npm run test:electron` prints one skip line otherwise. Nothing here requires
 *   the `electron` package (that would start its binary download).
 * globalSetup builds out/ once per run.
 */
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

const chromiumPath = process.env.CUSTODY_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  globalSetup: './tests/support/e2e-build.ts',
  fullyParallel: false,
  // Two cores: a browser and a bridge host per test is as much as they carry.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'chromium',
      testDir: 'tests/e2e/chromium',
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: {
          executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'tests/e2e/electron',
      timeout: 120_000,
    },
  ],
});
