/** R9: activate, deactivate and delete ask first, naming the key and what follows; the core decides. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { confirmKeyAction } from '../../renderer/src/actions/key-actions';
import { PRODUCTION_KEY, TOKENS, key, renderApp, seedWorkflow } from './render-app';

const NEXT = key('k_00000000000000b2', TOKENS.id, { label: 'Next rotation', fingerprint: 'fedcba9876543210' });

function setUp() {
  const app = renderApp(null, () => seedWorkflow(TOKENS, [PRODUCTION_KEY, NEXT]));
  app.main.answer('workflows.list', () => [TOKENS]);
  app.main.answer('keys.list', () => [PRODUCTION_KEY, NEXT]);
  return app;
}

describe('the confirm dialogs of a key', () => {
  it('activate names the key, the workflow and the active key it replaces', async () => {
    setUp();
    confirmKeyAction('activate', NEXT, null);
    const dialog = await screen.findByRole('alertdialog', { name: 'Activate encryption key' });
    expect(dialog).toHaveTextContent(
      '“Next rotation” becomes the active key of Token generation and is tried first when decrypting. The current active key, “Production 2026”, becomes inactive; it is kept, so payloads it encrypted can still be decrypted.',
    );
    expect(dialog).toHaveTextContent('Fingerprint' + 'fedc ba98 7654 3210');
    expect(within(dialog).getByRole('button', { name: 'Activate' })).toBeEnabled();
  });

  it('deactivate says the workflow will have no active key', async () => {
    setUp();
    confirmKeyAction('deactivate', PRODUCTION_KEY, null);
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate encryption key' });
    expect(dialog).toHaveTextContent(
      '“Production 2026” becomes inactive. Token generation will have no active key and is flagged “No active key” until you activate one.',
    );
  });

  it('delete says the key is gone for good and what the audit log keeps', async () => {
    setUp();
    confirmKeyAction('delete', NEXT, null);
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete encryption key' });
    expect(dialog).toHaveTextContent('“Next rotation” is removed from the vault for good.');
    expect(dialog).toHaveTextContent('Payloads encrypted with it can no longer be decrypted here.');
    expect(dialog).toHaveTextContent('The audit log keeps its id and fingerprint.');
  });

  it('Cancel changes nothing', async () => {
    const { user, main } = setUp();
    confirmKeyAction('delete', NEXT, null);
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete encryption key' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(main.calls).toEqual([]);
  });

  it('the confirmed change goes to the core, the dialog closes and a toast says it is done', async () => {
    const { user, main } = setUp();
    main.answer('keys.activate', () => ({ ...NEXT, status: 'active' }));
    confirmKeyAction('activate', NEXT, null);
    const dialog = await screen.findByRole('alertdialog', { name: 'Activate encryption key' });
    await user.click(within(dialog).getByRole('button', { name: 'Activate' }));

    expect(await screen.findByText('Encryption key activated')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(main.callsTo('keys.activate')).toEqual([{ workflowId: TOKENS.id, keyId: NEXT.id }]);
  });

  it("the core's refusal is shown in the dialog, which stays open", async () => {
    const { user, main } = setUp();
    main.refuse('keys.delete', { code: 'ACTIVE_KEY_DELETE_REFUSED', message: 'The active key cannot be deleted.' });
    confirmKeyAction('delete', NEXT, null);
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete encryption key' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The active key cannot be deleted.');
    expect(within(dialog).getByRole('button', { name: 'Delete key' })).toBeEnabled();
  });

  it('says so when the key is no longer in the vault', async () => {
    setUp();
    confirmKeyAction('delete', key('k_00000000000000c3', TOKENS.id, { label: 'Gone' }), null);
    const dialog = await screen.findByRole('dialog', { name: 'Delete encryption key' });
    expect(dialog).toHaveTextContent('This key is no longer in the vault.');
    expect(within(dialog).getAllByRole('button', { name: 'Close' }).length).toBeGreaterThan(0);
  });
});
