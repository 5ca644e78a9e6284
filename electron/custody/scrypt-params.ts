import { z } from 'zod';

/** scrypt's cost: N (CPU and memory, a power of two), r (block size), p (parallelism). */
export const ScryptParamsSchema = z.object({ N: z.number().int(), r: z.number().int(), p: z.number().int() });
export type ScryptParams = z.infer<typeof ScryptParamsSchema>;

/** What every new passphrase is stretched with (DESIGN §3): about 128 MiB of memory per try. */
export const SCRYPT_DEFAULTS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const MIN_LOG2_N = 10;
const MAX_LOG2_N = 20;
const MAX_R = 32;
const MAX_P = 16;
/** Memory one try may take (128·N·r bytes), and work (N·r·p), each a few times the defaults'. */
const MAX_MEMORY_BYTES = 512 * 1024 * 1024;
const MAX_WORK = 2 ** 23;

/**
 * The header's parameters come from a file anyone with write access to the folder can edit: absurd
 * ones (gigabytes of memory, hours of work, or none at all) are refused before scrypt runs. Returns
 * what is wrong, or null.
 */
export function scryptParamsProblem({ N, r, p }: ScryptParams): string | null {
  const log2N = Math.log2(N);
  if (!Number.isInteger(log2N) || log2N < MIN_LOG2_N || log2N > MAX_LOG2_N) {
    return `N must be a power of two from 2^${MIN_LOG2_N} to 2^${MAX_LOG2_N}`;
  }
  if (r < 1 || r > MAX_R) return `r must be 1 to ${MAX_R}`;
  if (p < 1 || p > MAX_P) return `p must be 1 to ${MAX_P}`;
  if (128 * N * r > MAX_MEMORY_BYTES) return 'they would need too much memory';
  if (N * r * p > MAX_WORK) return 'they would take too long';
  return null;
}

/** Node refuses scrypt above 32 MiB unless told: room for its V (128·r·N) and B (128·r·p) arrays. */
export function scryptMaxmem({ N, r, p }: ScryptParams): number {
  return 128 * r * (N + p + 2) + 1024 * 1024;
}
