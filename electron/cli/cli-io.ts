import { createInterface } from 'node:readline';

/**
 * The CLI's only contact with the terminal. Commands write results to `out` (stdout, for scripts)
 * and everything meant for a person to `err` (stderr), so `custody keys add WF > key.txt` captures
 * the key value and nothing else.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Both ends are a terminal: a person can be asked to confirm. */
  readonly interactive: boolean;
  readonly stdinIsTerminal: boolean;
  readStdin(): Promise<Buffer>;
  ask(question: string): Promise<string>;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export function processIo(): CliIo {
  const stdinIsTerminal = Boolean(process.stdin.isTTY);
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interactive: stdinIsTerminal && Boolean(process.stderr.isTTY),
    stdinIsTerminal,
    readStdin: () => readAll(process.stdin),
    ask: (question) =>
      new Promise((resolve) => {
        const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
        let answered = false;
        prompt.question(question, (answer) => {
          answered = true;
          prompt.close();
          resolve(answer);
        });
        // Ctrl-D or Ctrl-C at the prompt is a "no".
        prompt.on('SIGINT', () => prompt.close());
        prompt.on('close', () => {
          if (!answered) resolve('');
        });
      }),
  };
}

/** Waits until everything written to stdout and stderr has been handed to the OS. */
export function flushOutput(): Promise<void> {
  const drained = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));
  return Promise.all([drained(process.stdout), drained(process.stderr)]).then(() => undefined);
}
