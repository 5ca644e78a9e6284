import { expect, it } from 'vitest';
import { failureCount, figuresLine } from '../campaign/figures';
import { runModelCampaign } from '../campaign/model-campaign';
import { campaignSeed } from '../campaign/random';
import { CAMPAIGN_SIZES } from '../campaign/sizes';

/** The model campaign's short run (tests/campaign/model-campaign.ts; the long one: npm run test:campaign). */
it(
  `${CAMPAIGN_SIZES.short.modelSequences} random lifecycle sequences on the core keep every rule's invariant`,
  { timeout: 180_000 },
  async () => {
    const figures = await runModelCampaign({
      sequences: CAMPAIGN_SIZES.short.modelSequences,
      maxCommands: CAMPAIGN_SIZES.short.modelMaxCommands,
      seed: campaignSeed(),
    });
    console.log(figuresLine(figures, { steps: figures.steps }));
    expect(figures.examples).toEqual([]);
    expect(failureCount(figures)).toBe(0);
    expect(figures.tried).toBe(CAMPAIGN_SIZES.short.modelSequences);
  },
);
