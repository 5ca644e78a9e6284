/**
 * Every screen and dialog is photographed in light and dark into
 * test-results/screens/, and axe checks it (no serious or critical violation): every rule in light,
 * the colour rules again in dark.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export const SCREENS_DIR = path.resolve(__dirname, '../../../test-results/screens');

const SCHEMES = ['light', 'dark'] as const;

/**
 * Only colours change with the scheme, so light gets every rule and dark only the colour rules: the
 * same verdicts for about half the axe time, which is most of what a photograph costs.
 */
const SCHEME_RULES = ['color-contrast', 'link-in-text-block'];

async function expectAccessible(page: Page, name: string, colorScheme: (typeof SCHEMES)[number]): Promise<void> {
  const axe = new AxeBuilder({ page });
  const results = await (colorScheme === 'light' ? axe : axe.withRules(SCHEME_RULES)).analyze();
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
