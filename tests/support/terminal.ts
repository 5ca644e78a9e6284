import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './cli-sandbox';

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs `custody ARGS...` on a pseudo-terminal (util-linux `script`, present on every Debian), as
 * a person at a keyboard would, typing `typed` at it. Stdout and stderr arrive merged, as on a screen.
 * With `typeAfter`, the typing waits until the screen shows that text (a prompt), as a person would.
 */
export function runInTerminal(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  typed: string,
  typeAfter?: string,
): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, join(REPO_ROOT, 'bin', 'custody.js'), ...args].map(shellQuote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
      env: { ...env, SHELL: '/bin/sh' },
    });
    const screen: Buffer[] = [];
    let waiting = typeAfter !== undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      screen.push(chunk);
      if (
        waiting &&
        Buffer.concat(screen)
          .toString('utf8')
          .includes(typeAfter ?? '')
      ) {
        waiting = false;
        child.stdin.end(typed);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => screen.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, screen: Buffer.concat(screen).toString('utf8') });
    });
    if (!waiting) child.stdin.end(typed);
  });
}

/**
 * Like runInTerminal, but types each answer only once its prompt has shown, as a person would: a
 * key typed before a program turns echo off would be echoed by the terminal itself.
 */
export function runTerminalDialog(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  answers: readonly { prompt: string; type: string }[],
): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, join(REPO_ROOT, 'bin', 'custody.js'), ...args].map(shellQuote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
      env: { ...env, SHELL: '/bin/sh' },
    });
    let screen = '';
    let next = 0;
    let answeredUpTo = 0;
    const onOutput = (chunk: Buffer) => {
      screen += chunk.toString('utf8');
      const waiting = answers[next];
      if (!waiting) return;
      const at = screen.indexOf(waiting.prompt, answeredUpTo);
      if (at < 0) return;
      answeredUpTo = at + waiting.prompt.length;
      next += 1;
      child.stdin.write(`${waiting.type}\r`);
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, screen });
    });
  });
}
