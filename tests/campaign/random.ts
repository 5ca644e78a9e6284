/** A small seeded generator, so a campaign's choices can be replayed from the seed it prints. */
export interface Random {
  next(): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('nothing to pick from');
      return items[int(items.length)] as T;
    },
  };
}

/** The seed from CAMPAIGN_SEED, or a new one (printed by the caller so the run can be replayed). */
export function campaignSeed(): number {
  const fixed = Number(process.env.CAMPAIGN_SEED);
  return Number.isInteger(fixed) ? fixed : Math.floor(Math.random() * 2 ** 31);
}
