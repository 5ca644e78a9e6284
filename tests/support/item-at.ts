/** The item at `index`: a test that reaches past the end fails here, saying so, not later on `undefined`. */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`No item at index ${index}: there are ${items.length}.`);
  return item;
}
