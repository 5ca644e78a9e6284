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
