import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchVaultFolder } from '../../../electron/main/vault-watcher';

let dir: string;
let stop: () => void = () => undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custody-watch-'));
});
afterEach(async () => {
  stop();
  await rm(dir, { recursive: true, force: true });
});

describe('watchVaultFolder', () => {
  it('reports a change of the vault file made by someone else, once per burst', async () => {
    const onChange = vi.fn();
    stop = watchVaultFolder(dir, onChange, 50);
    await writeFile(join(dir, 'vault.json'), '1');
    await writeFile(join(dir, 'vault.json'), '2');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledOnce(), { timeout: 2_000 });
  });

  it('ignores other files in the folder (lock files, temp files)', async () => {
    const onChange = vi.fn();
    stop = watchVaultFolder(dir, onChange, 20);
    await writeFile(join(dir, 'vault.lock'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('does not throw for a folder that does not exist', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    stop = watchVaultFolder(join(dir, 'missing'), vi.fn());
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
