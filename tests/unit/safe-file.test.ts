import { spawnSync } from 'node:child_process';
import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendLineDurably, writeFileAtomic } from '../../electron/custody/atomic-file';
import { CustodyError } from '../../electron/custody/custody-error';
import { privateFileSink } from '../../electron/custody/private-file';
import { readPrivateFile } from '../../electron/custody/safe-file';
import { auditFilePath, vaultFilePath } from '../../electron/custody/custody-paths';
import { type CoreFixture, createCoreFixture } from '../support/core-fixture';

const posix = process.platform !== 'win32';
const root = posix && process.getuid?.() === 0;
const hasMkfifo = posix && spawnSync('mkfifo', ['--version']).status === 0;
if (!posix) console.log('skipped: O_NOFOLLOW, FIFOs, sockets and file modes (Windows has none of them)');
if (posix && !hasMkfifo) console.log('skipped: FIFO refusal (no mkfifo on this machine)');
if (root) console.log('skipped: permission denied (root is never denied)');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custody-safe-file-'));
});
afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

/** The ways the app writes a file, each as one call. */
const WRITERS: Record<string, (path: string) => Promise<void>> = {
  'an export': async (path) => {
    const sink = await privateFileSink(path, 'Choose another file.');
    await sink.write('results');
    await sink.finish();
  },
  'the audit log': (path) => appendLineDurably(path, '{"seq":1}'),
  'the vault (temp file and rename)': (path) => writeFileAtomic(path, 'sealed'),
};

async function failureOf(work: Promise<unknown>): Promise<CustodyError> {
  const error: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CustodyError);
  return error as CustodyError;
}

describe.each(Object.entries(WRITERS))('writing %s', (_what, write) => {
  it.skipIf(!posix)('creates the file readable by its owner only', async () => {
    const path = join(dir, 'file');
    await write(path);
    expect((await stat(path)).mode & 0o077).toBe(0);
  });

  it.skipIf(!posix)('narrows an existing file that others could read', async () => {
    const path = join(dir, 'file');
    await writeFile(path, 'old\n', { mode: 0o644 });
    await chmod(path, 0o644);
    await write(path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it.skipIf(!posix)('refuses a symlink at the path with UNSUPPORTED_INPUT and leaves its target untouched', async () => {
    const target = join(dir, 'target');
    await writeFile(target, 'precious', { mode: 0o644 });
    await chmod(target, 0o644);
    const path = join(dir, 'link');
    await symlink(target, path);
    const error = await failureOf(write(path));
    expect(error.code).toBe('UNSUPPORTED_INPUT');
    expect(error.message).toContain(path);
    expect(error.message).toContain('symbolic link');
    expect(await readFile(target, 'utf8')).toBe('precious');
    expect((await stat(target)).mode & 0o777).toBe(0o644);
    expect((await lstat(path)).isSymbolicLink()).toBe(true);
    expect(await readdir(dir)).toEqual(['link', 'target']);
  });

  it.skipIf(!hasMkfifo)('refuses a FIFO at once, never waiting for a reader (needs mkfifo)', async () => {
    const path = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    const error = await failureOf(write(path));
    expect(error.code).toBe('UNSUPPORTED_INPUT');
    expect(error.message).toContain('named pipe');
    expect((await lstat(path)).isFIFO()).toBe(true);
  });

  it.skipIf(!posix)('refuses a socket, a device and a folder', async () => {
    const socketPath = join(dir, 'sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      expect((await failureOf(write(socketPath))).message).toContain('a socket');
    } finally {
      server.close();
    }
    expect((await failureOf(write('/dev/null'))).message).toContain('a device');
    await mkdir(join(dir, 'folder'));
    expect((await failureOf(write(join(dir, 'folder')))).code).toBe('UNSUPPORTED_INPUT');
  });

  it.skipIf(!posix)('writes through a symlinked parent folder', async () => {
    await mkdir(join(dir, 'real'));
    await symlink(join(dir, 'real'), join(dir, 'linked'));
    await write(join(dir, 'linked', 'file'));
    expect((await lstat(join(dir, 'real', 'file'))).isFile()).toBe(true);
  });

  it.skipIf(!posix || root)(
    'reports a folder it may not write to as PERMISSION_DENIED, naming the path (needs a non-root POSIX user)',
    async () => {
      const path = join(dir, 'file');
      await chmod(dir, 0o500);
      const error = await failureOf(write(path));
      expect(error.code).toBe('PERMISSION_DENIED');
      expect(error.message).toContain(path);
    },
  );
});

describe('the vault folder', () => {
  let fx: CoreFixture;
  beforeEach(async () => {
    fx = await createCoreFixture();
  });
  afterEach(() => fx.cleanup());

  it.skipIf(!posix)('narrows a vault, an audit log and their folder that others could read when the vault opens', async () => {
    await fx.custody.addWorkflow({ id: 'wf' });
    await chmod(vaultFilePath(fx.home), 0o644);
    await chmod(auditFilePath(fx.home), 0o664);
    await chmod(fx.home, 0o755);
    await fx.another().listWorkflows();
    await fx.another().auditEntries();
    expect((await stat(vaultFilePath(fx.home))).mode & 0o777).toBe(0o600);
    expect((await stat(auditFilePath(fx.home))).mode & 0o777).toBe(0o600);
    expect((await stat(fx.home)).mode & 0o777).toBe(0o700);
  });

  it.skipIf(!posix || root)(
    'reports a vault folder it may not write to as PERMISSION_DENIED, never INTERNAL (needs a non-root POSIX user)',
    async () => {
      await chmod(fx.home, 0o500);
      try {
        const error = await failureOf(fx.custody.addWorkflow({ id: 'wf' }));
        expect(error.code).toBe('PERMISSION_DENIED');
        expect(error.message).toContain(fx.home);
      } finally {
        await chmod(fx.home, 0o700);
      }
    },
  );

  it.skipIf(!posix)('refuses a vault file that is a symlink, and changes nothing', async () => {
    await fx.custody.addWorkflow({ id: 'wf' });
    const moved = join(dir, 'vault.json');
    await writeFile(moved, await readFile(vaultFilePath(fx.home)));
    await rm(vaultFilePath(fx.home));
    await symlink(moved, vaultFilePath(fx.home));
    const error = await failureOf(fx.another().addWorkflow({ id: 'other' }));
    expect(error.code).toBe('UNSUPPORTED_INPUT');
    expect(error.message).toContain(vaultFilePath(fx.home));
    expect(await readPrivateFile(moved)).toContain('workflow-key-custody/vault');
  });
});

describe('a reader while writers replace the vault (found by the concurrency campaign)', () => {
  it('reads the old or the new file whole, never refuses it as "replaced while it was being opened"', async () => {
    const path = join(dir, 'vault.json');
    await writeFileAtomic(path, 'version 0');
    let writing = true;
    const writer = (async () => {
      for (let i = 1; writing; i++) await writeFileAtomic(path, `version ${i}`);
    })();
    try {
      for (let i = 0; i < 300; i++) expect(await readPrivateFile(path)).toMatch(/^version \d+$/);
    } finally {
      writing = false;
      await writer;
    }
  });
});
