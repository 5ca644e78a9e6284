/**
 * Smoke test of the Chromium bridge: a page calls channels through
 * `window.custody`, reaches the main-side handlers over the real keychain, and always gets a
 * Result; invalid input is INVALID_INPUT naming the field, and changes nothing.
 */
import { expect, test } from '@playwright/test';
import type { CustodyApi } from '../../../shared/custody-api';
import { CHANNEL_NAMES } from '../../../shared/contract';
import { type CustodyPage, openCustodyPage } from '../../support/custody-bridge';

type CustodyWindow = Window & { custody: CustodyApi };

test.describe('Chromium bridge', () => {
  let app: CustodyPage;

  test.afterEach(async () => {
    await app?.close();
  });

  test('a page calls a channel and gets a Result from the real handlers', async ({ browser }) => {
    app = await openCustodyPage(browser);
    expect(app.host.startupStatus).toEqual({ state: 'ready', home: app.host.home, passphraseSet: false });

    const status = await app.page.evaluate(() => (window as unknown as CustodyWindow).custody.vault.status());
    expect(status).toEqual({ ok: true, value: { state: 'ready', home: app.host.home, passphraseSet: false } });

    const added = await app.page.evaluate(() =>
      (window as unknown as CustodyWindow).custody.workflows.add({ id: 'onUserTokenGeneration', name: 'Token generation' }),
    );
    expect(added).toMatchObject({ ok: true, value: { id: 'onUserTokenGeneration', name: 'Token generation', keyCount: 0 } });
    expect(app.host.events).toContainEqual({ name: 'vault.changed', payload: { reason: 'workflows.add' } });

    const listed = await app.host.invoke('workflows.list', {});
    expect(listed.ok && listed.value.map((w) => w.id)).toEqual(['onUserTokenGeneration']);
  });

  test('invalid input is INVALID_INPUT naming the field, and nothing changes', async ({ browser }) => {
    app = await openCustodyPage(browser);
    const answer = await app.page.evaluate(() =>
      (window as unknown as CustodyWindow).custody.workflows.add({ id: 'not a valid id!' }),
    );
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('INVALID_INPUT');
    expect(answer.error.message).toContain('"id"');

    const listed = await app.host.invoke('workflows.list', {});
    expect(listed).toEqual({ ok: true, value: [] });
  });

  test('events from main reach listeners registered with custody.on', async ({ browser }) => {
    app = await openCustodyPage(browser);
    await app.page.evaluate(() => {
      const w = window as unknown as CustodyWindow & { seen: string[] };
      w.seen = [];
      w.custody.on('vault.changed', ({ reason }) => w.seen.push(reason));
    });
    await app.host.invoke('workflows.add', { id: 'onPostAuthentication' });
    await expect.poll(() => app.page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toContain('workflows.add');
  });

  test('without a Secret Service the vault is unavailable, with the reason', async ({ browser }) => {
    app = await openCustodyPage(browser, { keychain: 'unavailable' });
    const status = await app.page.evaluate(() => (window as unknown as CustodyWindow).custody.vault.status());
    expect(status).toMatchObject({ ok: true, value: { state: 'unavailable', error: { code: 'KEYCHAIN_UNAVAILABLE' } } });
    expect(app.host.startupStatus).toEqual(status.ok && status.value);
  });
});

test.describe('Chromium bridge sender check', () => {
  test('a sub-frame is refused, as ipc-main.ts refuses it in the app', async ({ browser }) => {
    const app = await openCustodyPage(browser);
    try {
      await app.page.evaluate(async () => {
        const frame = document.createElement('iframe');
        frame.src = '/index.html';
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        document.body.append(frame);
        await loaded;
      });
      const child = app.page.frames().find((f) => f !== app.page.mainFrame());
      expect(child).toBeDefined();
      const answer = await child!.evaluate(() => (window as unknown as CustodyWindow).custody.workflows.list());
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    } finally {
      await app.close();
    }
  });

  test('window.custody holds intent-level functions grouped by domain, and nothing else', async ({ browser }) => {
    const app = await openCustodyPage(browser);
    try {
      const shape = await app.page.evaluate(() => {
        const api = (window as unknown as CustodyWindow).custody as unknown as Record<string, unknown>;
        return Object.fromEntries(
          Object.entries(api).map(([key, value]) => [
            key,
            typeof value === 'function' ? 'function' : Object.keys(value as object).sort(),
          ]),
        );
      });
      // Exactly the contract's channels, as domain.method, plus `on` for events.
      const expected: Record<string, string | string[]> = { on: 'function' };
      for (const name of CHANNEL_NAMES) {
        const dot = name.indexOf('.');
        const domain = name.slice(0, dot);
        const method = name.slice(dot + 1);
        expected[domain] = [...((expected[domain] as string[] | undefined) ?? []), method].sort();
      }
      expect(shape).toEqual(expected);
      expect(shape.keys).toContain('activate');
    } finally {
      await app.close();
    }
  });
});
