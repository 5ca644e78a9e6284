/**
 * The fixture every UI scenario uses: `openApp()` opens the built renderer through the Chromium
 * bridge (real handlers, real keychain), records every console error, page error and CSP
 * violation, and fails the test on any of them when the test ends.
 */
import { test as base, expect, type Browser, type ConsoleMessage, type Page } from '@playwright/test';
import { type CustodyPage, type CustodyScenario, openCustodyPage } from '../../support/custody-bridge';

export interface OpenedApp extends CustodyPage {
  /** Console errors, uncaught page errors and CSP violations seen so far. */
  problems: string[];
}

/** Reported by the page itself, so a violation is caught even when Chromium logs nothing. */
async function watchCspViolations(page: Page, problems: string[]): Promise<void> {
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
}

async function openWatched(browser: Browser, scenario: CustodyScenario): Promise<OpenedApp> {
  const problems: string[] = [];
  const app = await openCustodyPage(browser, {
    ...scenario,
    beforeFirstLoad: async (page) => {
      page.on('console', (message: ConsoleMessage) => {
        if (message.type() === 'error' || message.text().includes('Content Security Policy'))
          problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await watchCspViolations(page, problems);
      await scenario.beforeFirstLoad?.(page);
    },
  });
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= app.close());
  return { ...app, close, problems };
}

export const test = base.extend<{ openApp: (scenario?: CustodyScenario) => Promise<OpenedApp> }>({
  openApp: async ({ browser }, use) => {
    const opened: OpenedApp[] = [];
    await use(async (scenario = {}) => {
      const app = await openWatched(browser, scenario);
      opened.push(app);
      return app;
    });
    for (const app of opened) {
      const problems = [...app.problems];
      await app.close();
      expect(problems, 'console errors, page errors or CSP violations').toEqual([]);
    }
  },
});

export { expect };
