/** R9: activate, deactivate and delete ask first, naming the key and what follows; the core decides. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { confirmKeyAction } from '../../renderer/src/actions/key-actions';
import { PRODUCTION_KEY, TOKENS, key, renderApp, seedWorkflow } from './render-app';

const NEXT = key('k_00000000000000b2', TOKENS.id, { label: 'Next rotation', fingerprint: 'fedcba9876543210' });

/** The vault's settings, with R13's waiting period as the test says. */
function settings(deletionWaitDays = 7) {
  return { idleMinutes: 5, clipboardSeconds: 30, deletionWaitDays };
}

function setUp(deletionWaitDays = 7) {
  const app = renderApp(null, () => seedWorkflow(TOKENS, [PRODUCTION_KEY, NEXT]));
  app.main.answer('workflows.list', () => [TOKENS]);
  app.main.answer('keys.list', () => [PRODUCTION_KEY, NEXT]);
  app.main.answer('settings.get', () => settings(deletionWaitDays));
  return app;
}

/** A date as the page shows it, to the minute in local time, for one a few seconds from now. */
const DATE_SHOWN = /The key will be deleted on [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s?[AP]M; you can cancel until then\./;

describe('the confirm dialogs of a key', () => {
  it('activate names the key, the workflow and the active key it replaces', async () => {
    setUp();
    void confirmKeyAction('activate', NEXT, null);
    const dialog = await screen.findByRole('alertdialog', { name: 'Activate encryption key' });
    expect(dialog).toHaveTextContent(
      '“Next rotation” becomes the active key of Token generation and is tried first when decrypting. The current active key, “Production 2026”, becomes inactive; it is kept, so payloads it encrypted can still be decrypted.',
    );
    expect(dialog).toHaveTextContent('Fingerprint' + 'fedc ba98 7654 3210');
    expect(within(dialog).getByRole('button', { name: 'Activate encryption key' })).toBeEnabled();
  });

  it('deactivate says the workflow will have no active key', async () => {
    setUp();
    void confirmKeyAction('deactivate', PRODUCTION_KEY, null);
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate encryption key' });
    expect(within(dialog).getByRole('button', { name: 'Deactivate encryption key' })).toBeEnabled();
    expect(dialog).toHaveTextContent(
      '“Production 2026” becomes inactive. Token generation will have no active key and is flagged “No active key” until you activate one.',
    );
  });

  it('delete says when the key goes (the waiting period, R13), what happens meanwhile, and what the audit log keeps', async () => {
    setUp(7);
    void confirmKeyAction('delete', NEXT, null);
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete encryption key' });
    expect(dialog.textContent).toMatch(DATE_SHOWN);
    expect(dialog).toHaveTextContent('Meanwhile “Next rotation” cannot be activated and is not tried when decrypting.');
    expect(dialog).toHaveTextContent('payloads encrypted with it can no longer be decrypted here.');
    expect(dialog).toHaveTextContent('The audit log keeps its id and fingerprint.');
  });

  it('with a waiting period of 0, delete says the key is gone at once, for good', async () => {
    setUp(0);
    void confirmKeyAction('delete', NEXT, null);
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete encryption key' });
    expect(dialog).toHaveTextContent('“Next rotation” is deleted at once: it is removed from the vault for good.');
  });

  it('a scheduled deletion, once confirmed, is told in a toast with its date', async () => {
    const { user, main } = setUp(7);
    main.answer('keys.delete', () => ({ ...NEXT, deletionScheduledFor: '2026-01-08T09:00:00.000Z' }));
    void confirmKeyAction('delete', NEXT, null);
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete encryption key' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete encryption key' }));
    expect(await screen.findByText('Deletion scheduled')).toBeInTheDocument();
    expect(screen.getByText(/^Next rotation will be deleted on Jan 8, 2026.*You can cancel until then\./)).toBeInTheDocument();
  });

  it('Cancel changes nothing', async () => {
    const { user, main } = setUp();
    void confirmKeyAction('delete', NEXT, null);
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete encryption key' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // Only the waiting period was read, to say when.
    expect(main.calls.map((c) => c.channel)).toEqual(['settings.get']);
  });

  it('the confirmed change goes to the core, the dialog closes and a toast says it is done', async () => {
    const { user, main } = setUp();
    main.answer('keys.activate', () => ({ ...NEXT, status: 'active' }));
    void confirmKeyAction('activate', NEXT, null);
    const dialog = await screen.findByRole('alertdialog', { name: 'Activate encryption key' });
    await user.click(within(dialog).getByRole('button', { name: 'Activate encryption key' }));

    // The dashboard's next step after activating.
    expect(await screen.findByText('Add the new key value to your code')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(main.callsTo('keys.activate')).toEqual([{ workflowId: TOKENS.id, keyId: NEXT.id }]);
  });

  it("the core's refusal is shown in the dialog, which stays open", async () => {
    const { user, main } = setUp();
    main.refuse('keys.delete', { code: 'ACTIVE_KEY_DELETE_REFUSED', message: 'The active key cannot be deleted.' });
    void confirmKeyAction('delete', NEXT, null);
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete encryption key' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete encryption key' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The active key cannot be deleted.');
    expect(within(dialog).getByRole('button', { name: 'Delete encryption key' })).toBeEnabled();
  });

  it('says so when the key is no longer in the vault', async () => {
    setUp();
    void confirmKeyAction('delete', key('k_00000000000000c3', TOKENS.id, { label: 'Gone' }), null);
    const dialog = await screen.findByRole('dialog', { name: 'Delete encryption key' });
    expect(dialog).toHaveTextContent('This key is no longer in the vault.');
    expect(within(dialog).getAllByRole('button', { name: 'Close' }).length).toBeGreaterThan(0);
  });
});
