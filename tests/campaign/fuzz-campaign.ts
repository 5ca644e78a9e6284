/**
 * Fuzz campaign: random inputs for every target in fuzz-targets.ts. Every answer must be a result
 * or an error with a code of shared/errors.ts other than INTERNAL; nothing may throw past the
 * product's boundary, reject unhandled, or fail to answer within HANG_MS.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { ERROR_CODES } from '../../shared/errors';
import { type Figures, fail, figuresLine, newFigures } from './figures';
import { type FuzzTarget, createFuzzWorld } from './fuzz-targets';

export const FUZZ_INVARIANTS = ['uncaught exception', 'rejection without a code', 'INTERNAL', 'no answer'] as const;
const HANG_MS = 10_000;
const SAMPLE_BATCH = 200;
const PROGRESS_EVERY = 5_000;

export interface FuzzOptions {
  inputs: number;
  seed: number;
  log?: (line: string) => void;
}

export interface FuzzFigures extends Figures {
  perTarget: Record<string, number>;
  rejected: number;
  /** How often each code answered, to see what the inputs reached. */
  codes: Record<string, number>;
}

const KNOWN = new Set<string>(ERROR_CODES);

function short(value: unknown): string {
  const text = fc.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

async function tryOne(figures: FuzzFigures, target: FuzzTarget, input: unknown): Promise<void> {
  const where = `${target.name} ${short(input)}`;
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), HANG_MS);
  });
  try {
    const answers = await Promise.race([target.run(input), hang]);
    if (answers === 'hang') return fail(figures, 'no answer', where);
    for (const { code } of answers) {
      figures.rejected += 1;
      figures.codes[code ?? 'none'] = (figures.codes[code ?? 'none'] ?? 0) + 1;
      if (code === 'INTERNAL') fail(figures, 'INTERNAL', where);
      else if (code === undefined || !KNOWN.has(code)) fail(figures, 'rejection without a code', `${code}: ${where}`);
    }
  } catch (error) {
    fail(figures, 'uncaught exception', `${String(error)}: ${where}`);
  } finally {
    clearTimeout(timer);
  }
}

export async function runFuzzCampaign(options: FuzzOptions): Promise<FuzzFigures> {
  const figures: FuzzFigures = { ...newFigures('fuzz', FUZZ_INVARIANTS), perTarget: {}, rejected: 0, codes: {} };
  const escaped = (error: unknown) => fail(figures, 'uncaught exception', `escaped the product: ${String(error)}`);
  process.on('unhandledRejection', escaped);
  process.on('uncaughtException', escaped);
  const world = await createFuzzWorld();
  try {
    const total = world.targets.reduce((sum, t) => sum + t.weight, 0);
    for (const [index, target] of world.targets.entries()) {
      const last = index === world.targets.length - 1;
      const share = last ? options.inputs - figures.tried : Math.round((options.inputs * target.weight) / total);
      let done = 0;
      for (let batch = 0; done < share; batch++) {
        const size = Math.min(SAMPLE_BATCH, share - done);
        const inputs = fc.sample(target.arbitrary, { numRuns: size, seed: options.seed + index * 1_000_003 + batch });
        for (const input of inputs) {
          await tryOne(figures, target, input);
          figures.tried += 1;
          done += 1;
          if (figures.tried % PROGRESS_EVERY === 0) options.log?.(figuresLine(figures, { rejected: figures.rejected }));
        }
      }
      figures.perTarget[target.name] = done;
      options.log?.(`${target.name}: ${done} inputs`);
    }
    // Work a batch left running (a fuzzed batches.start) finishes, or fails, inside the campaign.
    await sleep(100);
  } finally {
    await world.cleanup();
    process.off('unhandledRejection', escaped);
    process.off('uncaughtException', escaped);
  }
  return figures;
}
