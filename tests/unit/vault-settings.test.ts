import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditFilePath, vaultFilePath } from '../../electron/custody/custody-paths';
import { type CoreFixture, createCoreFixture } from '../support/core-fixture';

let fx: CoreFixture;
beforeEach(async () => {
  fx = await createCoreFixture();
});
afterEach(() => fx.cleanup());

async function files(): Promise<Buffer[]> {
  return [await readFile(vaultFilePath(fx.home)), await readFile(auditFilePath(fx.home))];
}

describe('settings live in the vault (item 10)', () => {
  it('start at 5 idle minutes and 30 clipboard seconds', async () => {
    expect(await fx.custody.settings()).toEqual({ idleMinutes: 5, clipboardSeconds: 30, deletionWaitDays: 7 });
  });

  it('a change is kept in the sealed vault, seen by another handle, and audited old → new', async () => {
    expect(await fx.custody.updateSettings({ idleMinutes: 15 })).toEqual({
      idleMinutes: 15,
      clipboardSeconds: 30,
      deletionWaitDays: 7,
    });
    expect(await fx.another().settings()).toEqual({ idleMinutes: 15, clipboardSeconds: 30, deletionWaitDays: 7 });
    expect(await readFile(vaultFilePath(fx.home), 'utf8')).not.toContain('idleMinutes');
    const last = (await fx.custody.auditEntries()).at(-1);
    expect(last).toMatchObject({ action: 'settings.update', details: { 'idleMinutes.from': 5, 'idleMinutes.to': 15 } });
    expect(await fx.custody.verifyAudit()).toMatchObject({ ok: true });
  });

  it('the same values again write nothing', async () => {
    const before = await files();
    expect(await fx.custody.updateSettings({ clipboardSeconds: 30 })).toEqual({
      idleMinutes: 5,
      clipboardSeconds: 30,
      deletionWaitDays: 7,
    });
    expect(await files()).toEqual(before);
  });

  it.each([
    ['idle minutes below 1', { idleMinutes: 0 }],
    ['idle minutes above 240', { idleMinutes: 241 }],
    ['clipboard seconds below 10', { clipboardSeconds: 9 }],
    ['clipboard seconds above 300', { clipboardSeconds: 301 }],
    ['a fraction', { idleMinutes: 2.5 }],
    ['an unknown setting', { lockOnSleep: true }],
    ['a string', { idleMinutes: '10' }],
  ])('refuses %s with INVALID_INPUT, changing nothing', async (_what, changes) => {
    const before = await files();
    await expect(fx.custody.updateSettings(changes)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await files()).toEqual(before);
  });

  it('are locked with the vault', async () => {
    fx.custody.lock();
    await expect(fx.custody.settings()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await expect(fx.custody.updateSettings({ idleMinutes: 10 })).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });
});
