import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  Custody,
  type SecretStore,
  VAULT_KEY_ACCOUNT,
  auditFilePath,
  createKeytarSecretStore,
  vaultFilePath,
} from '../../electron/custody';

export const REPO_ROOT = resolve(__dirname, '../..');
const CUSTODY_BIN = join(REPO_ROOT, 'bin', 'custody.js');
const RUN_TIMEOUT_MS = 30_000;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
}

let built = false;

/** Tests run the CLI as users do: the esbuild bundle behind bin/custody.js, rebuilt once per test file. */
export function buildCli(): void {
  if (built) return;
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'build', 'build-cli.mjs')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build:cli failed:\n${result.stderr}`);
  built = true;
}

/** Runs `custody ARGS...` as a child process; stdin gets `input` (or nothing) and is then closed. */
export function runCustody(args: readonly string[], env: NodeJS.ProcessEnv, options: RunOptions = {}): Promise<CliRun> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CUSTODY_BIN, ...args], { env: { ...env, ...options.env }, stdio: 'pipe' });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        ms: Date.now() - started,
      });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/**
 * A vault of its own for a test: a temp CUSTODY_HOME and a keychain service name unique to the
 * run, in the real keychain (integration tests never use an in-memory store). Every
 * command's output is kept so a test can check that no key value ever leaked into one.
 */
export interface CliSandbox {
  home: string;
  service: string;
  env: NodeJS.ProcessEnv;
  keychain: SecretStore;
  runs: CliRun[];
  run(args: readonly string[], options?: RunOptions): Promise<CliRun>;
  /** Set-up: runs each command in turn; any that fails stops the test with its stderr. */
  runAll(commands: readonly (readonly string[])[]): Promise<void>;
  /** Writes a file in the sandbox's scratch folder and returns its path. */
  file(name: string, content: string | Buffer): Promise<string>;
  vaultPath: string;
  auditPath: string;
  /**
   * The sandbox's vault through the core in this process, with the same real keychain: for what
   * the CLI has no command for, such as a clock days ahead.
   */
  core(clock?: () => Date): Custody;
  /** vault.json and audit.jsonl as bytes, to prove a failed command wrote nothing. */
  snapshot(): Promise<{ vault: Buffer | null; audit: Buffer | null }>;
  cleanup(): Promise<void>;
}

async function bytesOf(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

export async function createCliSandbox(): Promise<CliSandbox> {
  buildCli();
  const root = await mkdtemp(join(tmpdir(), 'custody-cli-'));
  const home = join(root, 'vault');
  const scratch = join(root, 'scratch');
  await mkdir(scratch);
  const service = `workflow-key-custody-test-${randomBytes(6).toString('hex')}`;
  const env: NodeJS.ProcessEnv = { ...process.env, CUSTODY_HOME: home, CUSTODY_KEYCHAIN_SERVICE: service };
  const keychain = createKeytarSecretStore(10_000);
  const runs: CliRun[] = [];
  const run = async (args: readonly string[], options?: RunOptions): Promise<CliRun> => {
    const result = await runCustody(args, env, options);
    runs.push(result);
    return result;
  };
  return {
    home,
    service,
    env,
    keychain,
    runs,
    vaultPath: vaultFilePath(home),
    auditPath: auditFilePath(home),
    run,
    async runAll(commands) {
      for (const args of commands) {
        const result = await run(args);
        if (result.code !== 0) throw new Error(`custody ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
      }
    },
    async file(name, content) {
      const path = join(scratch, name);
      await writeFile(path, content, { mode: 0o600 });
      return path;
    },
    core(clock) {
      return new Custody({ location: { home, keychainService: service }, secrets: keychain, clock });
    },
    async snapshot() {
      return { vault: await bytesOf(vaultFilePath(home)), audit: await bytesOf(auditFilePath(home)) };
    },
    async cleanup() {
      await keychain.delete(service, VAULT_KEY_ACCOUNT).catch(() => false);
      await rm(root, { recursive: true, force: true });
    },
  };
}
