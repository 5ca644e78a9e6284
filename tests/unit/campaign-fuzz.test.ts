import { expect, it } from 'vitest';
import { failureCount, figuresLine } from '../campaign/figures';
import { runFuzzCampaign } from '../campaign/fuzz-campaign';
import { campaignSeed } from '../campaign/random';
import { CAMPAIGN_SIZES } from '../campaign/sizes';

/** The fuzz campaign's short run (tests/campaign/fuzz-campaign.ts; the long one: npm run test:campaign). */
it(
  `${CAMPAIGN_SIZES.short.fuzzInputs} random inputs: no uncaught exception, every rejection a coded error other than INTERNAL`,
  { timeout: 180_000 },
  async () => {
    const figures = await runFuzzCampaign({ inputs: CAMPAIGN_SIZES.short.fuzzInputs, seed: campaignSeed() });
    console.log(figuresLine(figures, { rejected: figures.rejected, ...figures.perTarget }));
    console.log(`answered codes: ${JSON.stringify(figures.codes)}`);
    expect(figures.examples).toEqual([]);
    expect(failureCount(figures)).toBe(0);
    expect(figures.tried).toBe(CAMPAIGN_SIZES.short.fuzzInputs);
    // Inputs the product refused with a code: a fuzzer whose inputs were all accepted tried nothing hard.
    expect(figures.rejected).toBeGreaterThan(0);
  },
);
