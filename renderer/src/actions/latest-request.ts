/**
 * Loads can overlap (a vault.changed event during a user action): only the answer to the most
 * recent request of each kind is applied, so an older answer never overwrites a newer one.
 */
export function latestRequest(): () => () => boolean {
  let generation = 0;
  return () => {
    const mine = ++generation;
    return () => mine === generation;
  };
}
