/**
 * The campaign from the command line: `npm run test:campaign` runs the long one (not in CI; the
 * short one runs inside `npm test` as tests/unit/campaign-*.test.ts and
 * tests/integration/campaign-*.test.ts). Run under tests/support/with-secret-service.sh: the crash
 * and concurrency campaigns use the real keychain through the built CLI.
 *
 *   tsx tests/campaign/run-campaign.ts [--size short|long] [--only crash,model,fuzz,concurrency]
 *                                      [--crash-rounds N] [--model-sequences N] [--fuzz-inputs N]
 *
 * CAMPAIGN_SEED=N replays a run. Each campaign prints its figures line; the last line sums them up.
 * Exits 1 when any invariant failed.
 */
import { parseArgs } from 'node:util';
import { createCliSandbox } from '../support/cli-sandbox';
import { runConcurrencyCampaign } from './concurrency-campaign';
import { crashCounts, runCrashCampaign } from './crash-campaign';
import { type Figures, failureCount, figuresLine, reportFailuresTo } from './figures';
import { runFuzzCampaign } from './fuzz-campaign';
import { runModelCampaign } from './model-campaign';
import { campaignSeed } from './random';
import { CAMPAIGN_SIZES } from './sizes';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'long' },
    only: { type: 'string' },
    'crash-rounds': { type: 'string' },
    'model-sequences': { type: 'string' },
    'fuzz-inputs': { type: 'string' },
  },
});
const size = values.size === 'short' ? CAMPAIGN_SIZES.short : CAMPAIGN_SIZES.long;
const count = (given: string | undefined, fallback: number) => (given === undefined ? fallback : Number(given));
const seed = campaignSeed();
const log = (line: string) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${line}`);
reportFailuresTo(log);

/** One entry per campaign; each runs and returns its figures and the extra counts it prints. */
const CAMPAIGNS: Record<string, () => Promise<{ figures: Figures; extra: Record<string, number> }>> = {
  crash: async () => {
    const sandbox = await createCliSandbox();
    try {
      const figures = await runCrashCampaign(sandbox, { rounds: count(values['crash-rounds'], size.crashRounds), seed, log });
      return { figures, extra: crashCounts(figures) };
    } finally {
      await sandbox.cleanup();
    }
  },
  model: async () => {
    const figures = await runModelCampaign({
      sequences: count(values['model-sequences'], size.modelSequences),
      maxCommands: size.modelMaxCommands,
      seed,
      log,
    });
    return { figures, extra: { steps: figures.steps } };
  },
  fuzz: async () => {
    const figures = await runFuzzCampaign({ inputs: count(values['fuzz-inputs'], size.fuzzInputs), seed, log });
    return { figures, extra: { rejected: figures.rejected, ...figures.perTarget } };
  },
  concurrency: async () => {
    const sandbox = await createCliSandbox();
    try {
      const figures = await runConcurrencyCampaign(sandbox, { writers: size.writers, changesEach: size.changesEach });
      const busy = Object.fromEntries(Object.entries(figures.busy).map(([name, n]) => [`VAULT_BUSY ${name}`, n]));
      return { figures, extra: { ...busy, 'slowest change ms': figures.slowestMs } };
    } finally {
      await sandbox.cleanup();
    }
  },
};

async function main(): Promise<number> {
  const chosen = values.only ? values.only.split(',') : Object.keys(CAMPAIGNS);
  console.log(`campaign: ${values.size} run of ${chosen.join(', ')}, seed ${seed} (CAMPAIGN_SEED=${seed} replays it)`);
  let failures = 0;
  let tried = 0;
  for (const name of chosen) {
    const campaign = CAMPAIGNS[name];
    if (!campaign) throw new Error(`no campaign "${name}"; choose from ${Object.keys(CAMPAIGNS).join(', ')}`);
    const started = Date.now();
    const { figures, extra } = await campaign();
    console.log(figuresLine(figures, { ...extra, seconds: Math.round((Date.now() - started) / 1000) }));
    for (const example of figures.examples) console.log(`  counterexample: ${example}`);
    failures += failureCount(figures);
    tried += figures.tried;
  }
  console.log(`campaign total: ${tried} tried, ${failures} failures`);
  return failures;
}

void main().then((failures) => process.exit(failures > 0 ? 1 : 0));
