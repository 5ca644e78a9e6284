import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { Cancelled, EXIT_INTERRUPTED } from './exit-codes';
import { readHiddenLine } from './hidden-input';

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
  /** A new key's value is printed to a terminal only when asked for (`keys add --reveal`). */
  readonly stdoutIsTerminal: boolean;
  /** Progress is drawn on stderr only when a person watches it. */
  readonly stderrIsTerminal: boolean;
  readStdin(): Promise<Buffer>;
  /**
   * Standard input typed at a terminal without echo, up to Ctrl-D (for key values); `prompt` goes
   * to stderr once echo is off, so nothing typed after it can be echoed.
   */
  readTerminalHidden(prompt: string): Promise<Buffer>;
  /** Standard input as a stream, for inputs too large to hold (NDJSON). */
  readonly stdin: Readable;
  /** Standard output as a stream, for output large enough to need backpressure. */
  readonly stdout: Writable;
  /**
   * Ctrl-C calls `handler` instead of ending the process, until the returned function is called;
   * a second Ctrl-C ends the process at once, for a person who will not wait for a clean stop.
   */
  onInterrupt(handler: () => void): () => void;
  ask(question: string): Promise<string>;
  /** Asks on the terminal without echo (a passphrase); null when the person gives up. */
  askSecret(question: string): Promise<string | null>;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const CTRL_C = 0x03;
const CTRL_D = 0x04;
const BACKSPACE = 0x08;
const DELETE = 0x7f;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Reads a terminal in raw mode, so nothing typed or pasted is echoed: Enter ends a line, Backspace
 * takes back a character, Ctrl-D ends the input and Ctrl-C cancels it. The bytes are zeroed after.
 */
function readHidden(stdin: NodeJS.ReadStream, prompt: () => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const typed: number[] = [];
    const end = (result: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      result();
      typed.fill(0);
    };
    const onData = (chunk: Buffer) => {
      let outcome: (() => void) | null = null;
      for (const byte of chunk) {
        if (byte === CTRL_D) outcome = () => resolve(Buffer.from(typed));
        else if (byte === CTRL_C) outcome = () => reject(new Cancelled());
        else if (byte === BACKSPACE || byte === DELETE) typed.pop();
        else typed.push(byte === CR ? LF : byte);
        if (outcome) break;
      }
      chunk.fill(0);
      if (outcome) end(outcome);
    };
    stdin.setRawMode(true);
    prompt();
    stdin.on('data', onData);
    stdin.resume();
  });
}

export function processIo(): CliIo {
  const stdinIsTerminal = Boolean(process.stdin.isTTY);
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interactive: stdinIsTerminal && Boolean(process.stderr.isTTY),
    stdinIsTerminal,
    stdoutIsTerminal: Boolean(process.stdout.isTTY),
    stderrIsTerminal: Boolean(process.stderr.isTTY),
    readStdin: () => readAll(process.stdin),
    readTerminalHidden: (prompt) => readHidden(process.stdin, () => process.stderr.write(prompt)),
    stdin: process.stdin,
    stdout: process.stdout,
    onInterrupt: (handler) => {
      let interrupted = false;
      const listener = () => {
        if (interrupted) process.exit(EXIT_INTERRUPTED);
        interrupted = true;
        handler();
      };
      process.on('SIGINT', listener);
      return () => process.off('SIGINT', listener);
    },
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
    askSecret: (question) => readHiddenLine(process.stdin, process.stderr, question),
  };
}

/** Waits until everything written to stdout and stderr has been handed to the OS. */
export function flushOutput(): Promise<void> {
  const drained = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));
  return Promise.all([drained(process.stdout), drained(process.stderr)]).then(() => undefined);
}
