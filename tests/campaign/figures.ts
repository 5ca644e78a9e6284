/**
 * A campaign's count: how many cases it tried and, per invariant, how many broke it, with the first
 * few counterexamples kept so a failure can be reproduced. Every campaign ends with `figuresLine`.
 */
export interface Figures {
  readonly campaign: string;
  tried: number;
  readonly failures: Record<string, number>;
  readonly examples: string[];
}

const KEPT_EXAMPLES = 5;

export function newFigures(campaign: string, invariants: readonly string[]): Figures {
  return { campaign, tried: 0, failures: Object.fromEntries(invariants.map((name) => [name, 0])), examples: [] };
}

/** Told of every broken invariant as it happens (the command-line runner prints them), so a long run shows them at once. */
let onFailure: ((line: string) => void) | null = null;
export function reportFailuresTo(listener: ((line: string) => void) | null): void {
  onFailure = listener;
}

/** Counts a broken invariant; `example` says how to see it again (never a key value). */
export function fail(figures: Figures, invariant: string, example: string): void {
  figures.failures[invariant] = (figures.failures[invariant] ?? 0) + 1;
  if (figures.examples.length < KEPT_EXAMPLES) figures.examples.push(`${invariant}: ${example}`);
  onFailure?.(`FAILED ${figures.campaign} ${invariant}: ${example}`);
}

export function failureCount(figures: Figures): number {
  return Object.values(figures.failures).reduce((sum, n) => sum + n, 0);
}

/** `campaign crash: 50 tried; vault fails to open 0, acknowledged change lost 0, ...` */
export function figuresLine(figures: Figures, extra: Record<string, number> = {}): string {
  const failures = Object.entries(figures.failures).map(([name, n]) => `${name} ${n}`);
  const counted = Object.entries(extra).map(([name, n]) => `${name} ${n}`);
  return `campaign ${figures.campaign}: ${figures.tried} tried; failures: ${failures.join(', ')}${
    counted.length ? `; ${counted.join(', ')}` : ''
  }`;
}
