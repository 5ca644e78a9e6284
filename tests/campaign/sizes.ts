/** How much each campaign tries: `short` inside `npm test`, `long` in `npm run test:campaign`. */
export const CAMPAIGN_SIZES = {
  short: { crashRounds: 50, modelSequences: 300, modelMaxCommands: 20, fuzzInputs: 2_000, writers: 4, changesEach: 25 },
  long: { crashRounds: 1_000, modelSequences: 10_000, modelMaxCommands: 30, fuzzInputs: 100_000, writers: 4, changesEach: 25 },
} as const;

export type CampaignSize = (typeof CAMPAIGN_SIZES)[keyof typeof CAMPAIGN_SIZES];
