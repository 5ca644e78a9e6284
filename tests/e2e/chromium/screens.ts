/**
 * Every screen and dialog is photographed in light and dark into
 * test-results/screens/, and axe checks it (no serious or critical violation): every rule in light,
 * the colour rules again in dark.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import { expect, type Locator, type Page } from '@playwright/test';

export const SCREENS_DIR = path.resolve(__dirname, '../../../test-results/screens');

const SCHEMES = ['light', 'dark'] as const;

/**
 * Only colours change with the scheme, so light gets every rule and dark only the colour rules: the
 * same verdicts for about half the axe time.
 */
const SCHEME_RULES = ['color-contrast', 'link-in-text-block'];

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type AxeWindow = Window & { axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> } };

/**
 * axe-core run in the page itself, injected once per document: the Playwright wrapper injects it
 * again and opens a blank page for every check, which made a photograph cost several times more.
 */
async function runAxe(page: Page, rules: string[] | null): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    (only) => (window as AxeWindow).axe!.run(document, only ? { runOnly: { type: 'rule', values: only } } : {}),
    rules,
  );
}

async function expectAccessible(page: Page, name: string, colorScheme: (typeof SCHEMES)[number]): Promise<void> {
  const results = await runAxe(page, colorScheme === 'light' ? null : SCHEME_RULES);
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on "${name}"`).toEqual([]);
}

/**
 * Photographs and checks the page as it is now, in both colour schemes, then restores light.
 * `show` is scrolled into view first (the main area scrolls, not the window).
 */
export async function captureScreen(page: Page, name: string, show?: Locator): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await show?.scrollIntoViewIfNeeded();
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await expectAccessible(page, `${name} (${colorScheme})`, colorScheme);
    await page.screenshot({ path: path.join(SCREENS_DIR, `${name}-${colorScheme}.png`), animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
