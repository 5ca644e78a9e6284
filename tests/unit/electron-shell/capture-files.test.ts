import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CAPTURE_BYTES, readCaptureFiles } from '../../../electron/main/capture-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custody-captures-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('readCaptureFiles', () => {
  it('reads each file as one payload named after the file', async () => {
    await writeFile(join(dir, 'a.txt'), 'payload-a');
    await writeFile(join(dir, 'b.json'), '"payload-b"');
    expect(await readCaptureFiles([join(dir, 'a.txt'), join(dir, 'b.json')])).toEqual([
      { source: 'a.txt', text: 'payload-a' },
      { source: 'b.json', text: '"payload-b"' },
    ]);
  });

  it('refuses a file too big to be a capture, before reading it', async () => {
    const big = join(dir, 'big.bin');
    await writeFile(big, Buffer.alloc(MAX_CAPTURE_BYTES + 1));
    await expect(readCaptureFiles([big])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('says which file could not be read', async () => {
    await expect(readCaptureFiles([join(dir, 'gone.txt')])).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('gone.txt'),
    });
  });
});
