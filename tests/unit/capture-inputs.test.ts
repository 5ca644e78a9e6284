import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaptureItem,
  countFolderFiles,
  fileCapture,
  folderCaptures,
  harCaptures,
  inputKindOf,
  inputKindOfText,
} from '../../electron/custody/capture-sources';
import { decryptChunk } from '../../electron/custody/decrypt-chunk';
import { ndjsonFileChunks } from '../../electron/custody/ndjson-chunks';
import { sealPayload } from '../../electron/custody/payload-codec';
import { candidatesFromRawKeys, describeCandidates } from '../../electron/custody/payload-decryptor';

/**
 * What `decrypt` and the app read: regular files only, without ever blocking on a FIFO, and
 * folders walked without following links, so a link loop ends and no file is read twice.
 */
const key = randomBytes(32);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custody-inputs-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const unsupported = (source: string) => ({ source, error: { code: 'UNSUPPORTED_INPUT', message: expect.any(String) } });

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
const fifoReason = hasMkfifo ? '' : ' (skipped: no mkfifo on this system)';

describe('anything but a regular file is refused, never read', () => {
  let fifo: string;
  let socketPath: string;
  let server: Server;
  beforeAll(async () => {
    fifo = join(dir, 'captures.fifo');
    if (hasMkfifo) spawnSync('mkfifo', [fifo]);
    socketPath = join(dir, 'captures.sock');
    server = createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // A FIFO nobody writes to would block a read for ever; the test's time-out is the proof it does not.
  it.skipIf(!hasMkfifo)(
    `a FIFO, as a raw body, a HAR file and NDJSON, without blocking${fifoReason}`,
    async () => {
      expect(await collect(fileCapture(fifo))).toEqual([unsupported(fifo)]);
      expect(await collect(harCaptures(fifo))).toEqual([unsupported(fifo)]);
      expect(await collect(ndjsonFileChunks(fifo))).toEqual([{ kind: 'items', items: [unsupported(fifo)] }]);
    },
    5_000,
  );

  it('a socket and a device', async () => {
    expect(await collect(fileCapture(socketPath))).toEqual([unsupported(socketPath)]);
    if (process.platform !== 'win32') {
      const [item] = await collect(fileCapture('/dev/zero'));
      expect(item).toEqual(unsupported('/dev/zero'));
      expect((item as { error: { message: string } }).error.message).toContain('a device');
    }
  });

  it('says what the path is and what to do instead', async () => {
    const [item] = await collect(fileCapture(socketPath));
    expect(item).toMatchObject({
      error: {
        message: `${socketPath} is a socket, not a file: captures are read from regular files only. Save the capture to a file and give that.`,
      },
    });
  });

  it('a link to a regular file, given directly, is read', async () => {
    const target = join(dir, 'target.txt');
    await writeFile(target, 'body');
    const link = join(dir, 'link.txt');
    await symlink(target, link);
    expect(await collect(fileCapture(link))).toEqual([{ source: link, text: 'body' }]);
  });
});

describe('a folder is walked without following links', () => {
  it('a link loop ends, each file is read once, and each link is listed as skipped', async () => {
    const folder = join(dir, 'loop');
    await mkdir(join(folder, 'inner'), { recursive: true });
    await writeFile(join(folder, 'a.txt'), 'a');
    await writeFile(join(folder, 'inner', 'b.txt'), 'b');
    await symlink(folder, join(folder, 'inner', 'back'));
    await symlink(join(folder, 'a.txt'), join(folder, 'inner', 'same-a.txt'));
    expect(await countFolderFiles(folder)).toBe(4);
    const items: CaptureItem[] = await collect(folderCaptures(folder));
    expect(items).toEqual([
      { source: join(folder, 'a.txt'), text: 'a' },
      { source: join(folder, 'inner', 'b.txt'), text: 'b' },
      unsupported(join(folder, 'inner', 'back')),
      unsupported(join(folder, 'inner', 'same-a.txt')),
    ]);
    expect((items[2] as { error: { message: string } }).error.message).toContain('symbolic link inside a folder');
  });
});

describe('one very long NDJSON line', () => {
  const SIZE = 50 * 1024 * 1024;

  /** Reads and decrypts a whole NDJSON file on this thread; the time it took. */
  async function decryptFile(path: string): Promise<number> {
    const infos = describeCandidates(candidatesFromRawKeys([key]));
    const started = performance.now();
    for await (const chunk of ndjsonFileChunks(path)) decryptChunk(chunk, [key], infos, { kind: 'results' });
    return performance.now() - started;
  }

  it('costs about what as many bytes of short lines cost (linear time, not quadratic)', async () => {
    const long = join(dir, 'long.ndjson');
    await writeFile(long, `${sealPayload(Buffer.alloc((SIZE * 3) / 4 - 64, 'x'), key)}\n`);
    const short = join(dir, 'short.ndjson');
    const line = `${sealPayload(Buffer.alloc(600, 'x'), key)}\n`;
    await writeFile(short, line.repeat(Math.floor(SIZE / line.length)));
    const shortMs = await decryptFile(short);
    const longMs = await decryptFile(long);
    expect(longMs).toBeLessThan(shortMs * 3);
  }, 120_000);
});

describe('a picked file is read as what its content is', () => {
  it.each([
    ['{"log":{"entries":[]}}', 'capture.txt', 'har'],
    ['\uFEFF\n  {\n  "log": {', 'export.json', 'har'],
    ['{"payload":"abc"}\n{"payload":"def"}', 'captures.txt', 'ndjson'],
    ['{"body":"abc"}', 'one.json', 'ndjson'],
    ['QUJDREVG\nR0hJSktM', 'lines.ndjson', 'ndjson'],
    ['QUJDREVG\nR0hJSktM', 'capture.txt', 'file'],
    ['"QUJDREVGR0hJSktM"', 'capture.json', 'file'],
    ['  QUJDREVGR0hJSktM  \n', 'capture.har', 'file'],
  ])('%j named %s is %s', (head, name, kind) => {
    expect(inputKindOfText(head, name)).toBe(kind);
  });

  it('a folder is a folder, and a file that cannot be read is one capture (its read then fails as one item)', async () => {
    expect(await inputKindOf(dir)).toBe('folder');
    expect(await inputKindOf(join(dir, 'missing.txt'))).toBe('file');
  });
});
