/** The key table of a workflow: one row per key, and each key's three-dots menu (R2, R8, R9). */
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EncryptionKeysSection } from '../../renderer/src/features/keys/EncryptionKeysSection';
import { PRODUCTION_KEY, TOKENS, key, renderApp, seedWorkflow } from './render-app';

const RETIRED = key('k_00000000000000b2', TOKENS.id, { origin: 'imported', fingerprint: 'fedcba9876543210' });
/** R13: an inactive key waiting for its deletion. */
const LEAVING = key('k_00000000000000c3', TOKENS.id, {
  label: 'Old staging',
  deletionScheduledFor: '2026-01-08T09:00:00.000Z',
});

function showKeys() {
  const app = renderApp(<EncryptionKeysSection workflow={TOKENS} />, () =>
    seedWorkflow(TOKENS, [PRODUCTION_KEY, RETIRED, LEAVING]),
  );
  app.main.answer('settings.get', () => ({ idleMinutes: 5, clipboardSeconds: 30, deletionWaitDays: 7 }));
  return app;
}

function row(name: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Encryption keys of Token generation' });
  const cell = within(table).getByText(name, { exact: true });
  const found = cell.closest<HTMLElement>('[role="row"]');
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}

describe('the key table', () => {
  it('names each key, where it came from and its fingerprint, and marks only the active key', async () => {
    showKeys();
    const table = await screen.findByRole('table', { name: 'Encryption keys of Token generation' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Label', 'Fingerprint', 'Created', 'Last matched', 'Status', 'Actions']);
    expect(within(table).getAllByRole('row')).toHaveLength(4);

    const active = row('Production 2026');
    expect(active).toHaveTextContent('Generated');
    expect(active).toHaveTextContent('0123 4567 89ab cdef');
    expect(active).toHaveTextContent('Never');
    expect(within(active).getByText('Active', { exact: true })).toBeInTheDocument();

    // A key without a label is named by its fingerprint; an inactive key shows no status.
    const retired = row('Key fedc ba98 7654 3210');
    expect(retired).toHaveTextContent('Imported');
    expect(within(retired).queryByText('Active', { exact: true })).toBeNull();
    expect(within(retired).queryByText('Deletion scheduled')).toBeNull();
  });

  it('shows a key scheduled for deletion with its date (R13)', async () => {
    showKeys();
    const leaving = row('Old staging');
    expect(within(leaving).getByText('Deletion scheduled')).toBeInTheDocument();
    expect(leaving.textContent).toMatch(/Deletion scheduled for Jan 8, 2026$/);
  });

  it('says so when the workflow has no keys yet', async () => {
    const empty = { ...TOKENS, keyCount: 0, activeKeyId: null, noActiveKey: true };
    renderApp(<EncryptionKeysSection workflow={empty} />, () => seedWorkflow(empty, []));
    expect(await screen.findByRole('heading', { name: 'No encryption keys' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe("a key's menu", () => {
  it('offers Deactivate on the active key, and Delete there is unavailable and says why', async () => {
    const { user, main } = showKeys();
    await user.click(await screen.findByRole('button', { name: 'Actions for Production 2026' }));
    const menu = await screen.findByRole('menu', { name: 'Actions for Production 2026' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Deactivate', expect.stringMatching(/^Delete key/)]);

    const remove = within(menu).getByRole('menuitem', { name: 'Delete key' });
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    expect(remove).toHaveAccessibleDescription(
      'The active key cannot be deleted. Activate another key, or deactivate this one, first.',
    );
    await user.click(remove);
    expect(screen.queryByRole('alertdialog', { name: 'Delete encryption key' })).toBeNull();
    expect(main.calls).toEqual([]);
  });

  it('offers Activate and Delete on an inactive key; Delete asks first, naming the key', async () => {
    const { user } = showKeys();
    await user.click(await screen.findByRole('button', { name: 'Actions for Key fedc ba98 7654 3210' }));
    const menu = await screen.findByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Activate', 'Delete key']);
    expect(within(menu).getByRole('menuitem', { name: 'Delete key' })).not.toHaveAttribute('aria-disabled');

    await user.click(within(menu).getByRole('menuitem', { name: 'Delete key' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete encryption key' });
    expect(confirm).toHaveTextContent('you can cancel until then');
  });

  it('on a key scheduled for deletion, Activate is unavailable and says why, and Cancel deletion takes Delete’s place', async () => {
    const { user, main } = showKeys();
    main.answer('keys.cancelDeletion', () => ({ ...LEAVING, deletionScheduledFor: null }));
    main.answer('workflows.list', () => [TOKENS]);
    main.answer('keys.list', () => [PRODUCTION_KEY, RETIRED, { ...LEAVING, deletionScheduledFor: null }]);
    await user.click(await screen.findByRole('button', { name: 'Actions for Old staging' }));
    const menu = await screen.findByRole('menu', { name: 'Actions for Old staging' });
    const activate = within(menu).getByRole('menuitem', { name: 'Activate' });
    expect(activate).toHaveAttribute('aria-disabled', 'true');
    expect(activate).toHaveAccessibleDescription('A key scheduled for deletion cannot be activated. Cancel the deletion first.');
    await user.click(activate);
    expect(screen.queryByRole('alertdialog')).toBeNull();

    await user.click(within(menu).getByRole('menuitem', { name: 'Cancel deletion' }));
    expect(await screen.findByText('Deletion cancelled')).toBeInTheDocument();
    expect(screen.getByText('Old staging stays in the vault, inactive.')).toBeInTheDocument();
    expect(main.callsTo('keys.cancelDeletion')).toEqual([{ workflowId: TOKENS.id, keyId: LEAVING.id }]);
    await vi.waitFor(() => expect(within(row('Old staging')).queryByText('Deletion scheduled')).toBeNull());
  });

  it('opens with the keyboard and closes with Escape, focus back on its button', async () => {
    const { user } = showKeys();
    const button = await screen.findByRole('button', { name: 'Actions for Production 2026' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('menu', { name: 'Actions for Production 2026' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveFocus();
  });
});
