import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../support/cli-sandbox';
import { runConcurrencyCampaign } from '../campaign/concurrency-campaign';
import { failureCount, figuresLine } from '../campaign/figures';
import { CAMPAIGN_SIZES } from '../campaign/sizes';

/** The concurrency campaign (tests/campaign/concurrency-campaign.ts), the same size in CI and in the long run. */
let sandbox: CliSandbox;
beforeAll(async () => {
  sandbox = await createCliSandbox();
});
afterAll(() => sandbox.cleanup());

const { writers, changesEach } = CAMPAIGN_SIZES.short;

it(
  `${writers} CLI writers and the app's main, ${changesEach} changes each at once: no update lost, each loser told VAULT_BUSY and retried`,
  { timeout: 600_000 },
  async () => {
    const figures = await runConcurrencyCampaign(sandbox, { writers, changesEach });
    console.log(
      figuresLine(figures, Object.fromEntries(Object.entries(figures.busy).map(([name, n]) => [`VAULT_BUSY ${name}`, n]))),
    );
    expect(figures.examples).toEqual([]);
    expect(failureCount(figures)).toBe(0);
    expect(figures.tried).toBe((writers + 1) * changesEach);
  },
);
