/** The next value of `iterator`, or the end as soon as `signal` aborts, whichever comes first. */
function nextOrAbort<T>(iterator: AsyncIterator<T>, signal: AbortSignal): Promise<IteratorResult<T>> {
  return new Promise((resolve, reject) => {
    // Not Promise.race against one long-lived abort promise: every race would add a reaction to it
    // that keeps the race's value (a chunk of input) alive, so memory would grow with the input.
    const stop = () => resolve({ done: true, value: undefined });
    signal.addEventListener('abort', stop, { once: true });
    iterator.next().then(
      (result) => {
        signal.removeEventListener('abort', stop);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(error);
      },
    );
  });
}

/**
 * Stops taking from `source` as soon as `signal` aborts, even while a read is still pending
 * (standard input with nothing to give yet), so a cancel never waits for more input.
 */
export async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    while (!signal.aborted) {
      const next = await nextOrAbort(iterator, signal);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Closes the source (and its file); a read still pending is left to end with the process.
    void iterator.return?.().catch(() => undefined);
  }
}
