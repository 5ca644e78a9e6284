import type { Writable } from 'node:stream';

/**
 * Text written in order with backpressure: when the reader is slower than the batch (a pipe into
 * another program, a slow disk), the batch waits instead of queueing output in memory.
 */
export interface TextSink {
  write(text: string | Uint8Array): Promise<void>;
  /** Resolves once everything written has been handed to the OS (and a file is closed). */
  finish(): Promise<void>;
  /** Set once the stream failed (a reader that went away, a full disk); later writes are dropped. */
  readonly failure: Error | null;
}

/**
 * `onFailure` is called once, at the first error; the stream's own error would otherwise end the
 * process. `close` ends the stream at finish (a file); standard output is only flushed.
 */
export function textSink(stream: Writable, options: { close: boolean; onFailure: (error: Error) => void }): TextSink {
  let failure: Error | null = null;
  let failed: () => void = () => undefined;
  const failedOnce = new Promise<void>((resolve) => (failed = resolve));
  stream.on('error', (error: Error) => {
    if (failure) return;
    failure = error;
    failed();
    options.onFailure(error);
  });
  const settled = (register: (done: () => void) => void) =>
    Promise.race([new Promise<void>((resolve) => register(resolve)), failedOnce]);
  return {
    async write(text) {
      if (failure || text.length === 0) return;
      if (!stream.write(text)) await settled((done) => stream.once('drain', done));
    },
    async finish() {
      if (failure) return;
      if (options.close) await settled((done) => stream.end(done));
      else await settled((done) => stream.write('', () => done()));
    },
    get failure() {
      return failure;
    },
  };
}
