import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../support/cli-sandbox';
import { crashCounts, runCrashCampaign } from '../campaign/crash-campaign';
import { failureCount, figuresLine } from '../campaign/figures';
import { campaignSeed } from '../campaign/random';
import { CAMPAIGN_SIZES } from '../campaign/sizes';

/** The crash campaign's short run (tests/campaign/crash-campaign.ts; the long one: npm run test:campaign). */
let sandbox: CliSandbox;
beforeAll(async () => {
  sandbox = await createCliSandbox();
});
afterAll(() => sandbox.cleanup());

it(
  `kill -9 during ${CAMPAIGN_SIZES.short.crashRounds} random writes: every vault opens, no acknowledged change is lost, every audit chain verifies`,
  { timeout: 600_000 },
  async () => {
    const figures = await runCrashCampaign(sandbox, { rounds: CAMPAIGN_SIZES.short.crashRounds, seed: campaignSeed() });
    console.log(figuresLine(figures, crashCounts(figures)));
    expect(figures.examples).toEqual([]);
    expect(failureCount(figures)).toBe(0);
    expect(figures.tried).toBe(CAMPAIGN_SIZES.short.crashRounds);
    // A campaign whose kills never landed, or that never let a write finish, would prove nothing.
    expect(figures.killed).toBeGreaterThan(0);
    expect(figures.acknowledged).toBeGreaterThan(0);
  },
);
