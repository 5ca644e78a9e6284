/**
 * WCAG contrast of a control as Chromium paints it: its computed text colour against the first
 * opaque background behind it, in light and dark. axe skips disabled controls, so the states it
 * cannot judge (disabled, danger) are measured here.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface PaintedColours {
  text: string;
  background: string;
  ratio: number;
}

/** Runs in the page: no imports, plain DOM. */
function measure(element: Element): PaintedColours {
  const rgb = (css: string): [number, number, number, number] => {
    const parts = (/rgba?\(([^)]+)\)/.exec(css)?.[1] ?? '0,0,0,0')
      .split(/[ ,/]+/)
      .filter(Boolean)
      .map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const luminance = ([r, g, b]: number[]) => {
    const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
  };
  let background = 'rgba(0, 0, 0, 0)';
  for (let at: Element | null = element; at; at = at.parentElement) {
    const painted = getComputedStyle(at).backgroundColor;
    if (rgb(painted)[3] === 1) {
      background = painted;
      break;
    }
  }
  const text = getComputedStyle(element).color;
  const [light, dark] = [luminance(rgb(text)), luminance(rgb(background))].sort((a, b) => b - a) as [number, number];
  return { text, background, ratio: (light + 0.05) / (dark + 0.05) };
}

export async function paintedColours(control: Locator): Promise<PaintedColours> {
  return control.evaluate(measure);
}

/** The control's text is AA (4.5:1) in both colour schemes; answers what was painted in each. */
export async function expectReadableInBothSchemes(page: Page, control: Locator, name: string): Promise<PaintedColours[]> {
  const painted: PaintedColours[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const colours = await paintedColours(control);
    expect(colours.ratio, `${name} (${colorScheme}): ${colours.text} on ${colours.background}`).toBeGreaterThanOrEqual(4.5);
    painted.push(colours);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return painted;
}
