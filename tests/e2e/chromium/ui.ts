/** How the scenarios find things on screen: by role and accessible name, as a screen reader would. */
import { type Locator, type Page, expect } from '@playwright/test';

export function keyRows(page: Page): Locator {
  return page.getByRole('table', { name: /^Encryption keys of / }).locator('[role="row"][data-key-id]');
}

export function keyRow(page: Page, label: string): Locator {
  return keyRows(page).filter({ has: page.getByText(label, { exact: true }) });
}

export function sidebarWorkflow(page: Page, name: string): Locator {
  return page.getByRole('list', { name: 'Workflows' }).getByRole('button', { name: new RegExp(`^${name}`) });
}

export async function openKeyMenu(page: Page, label: string): Promise<Locator> {
  await page.getByRole('button', { name: `Actions for ${label}` }).click();
  return page.getByRole('menu', { name: `Actions for ${label}` });
}

export function dialog(page: Page, title: string): Locator {
  return page.getByRole('dialog', { name: title }).or(page.getByRole('alertdialog', { name: title }));
}

/** The value shown once in the key dialog. */
/** The value the reveal dialog fetched by its handle (it shows "Loading…" until then). */
export async function revealedValue(page: Page): Promise<string> {
  const shown = page.getByLabel('Encryption key value');
  await expect(shown).toHaveText(/^[A-Za-z0-9+/]{43}=$/);
  return (await shown.textContent()) ?? '';
}

/** Toasts are found by class: while a modal dialog is open the rest of the page is aria-hidden. */
export function toast(page: Page, title: string): Locator {
  return page.locator('.toast').getByText(title, { exact: true });
}
