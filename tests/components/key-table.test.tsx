/** The key table of a workflow: one row per key, and each key's three-dots menu (R2, R8, R9). */
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EncryptionKeysSection } from '../../renderer/src/features/keys/EncryptionKeysSection';
import { WorkflowPage } from '../../renderer/src/features/workflow/WorkflowPage';
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
    ).toEqual(['Label', 'Fingerprint', 'Created', 'Active since', 'Last matched', 'Status', 'Actions']);
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

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY - 60_000).toISOString();

/** Many keys: the table counts, filters and sorts them; only the rows in view are drawn. */
function showManyKeys(count: number, workflowChanges: Partial<typeof TOKENS> = {}) {
  const keys = Array.from({ length: count }, (_, i) =>
    key(`k_${(i + 1).toString(16).padStart(16, '0')}`, TOKENS.id, {
      label: `Key ${i + 1}`,
      fingerprint: (0xa0000000 + i).toString(16).padStart(16, '0'),
      createdAt: daysAgo(count - i),
      status: i === count - 1 ? 'active' : 'inactive',
      activatedAt: i === count - 1 ? daysAgo(12) : null,
      deletionScheduledFor: i === 0 ? '2099-01-08T09:00:00.000Z' : null,
    }),
  ).reverse();
  const workflow = { ...TOKENS, keyCount: count, ...workflowChanges };
  return renderApp(<EncryptionKeysSection workflow={workflow} />, () => seedWorkflow(workflow, keys));
}

const labelsShown = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('.key-label')?.textContent);

describe('the key table at scale', () => {
  it('counts the keys, and filters them by label, by fingerprint with or without spaces, and by status', async () => {
    const { user } = showManyKeys(5_000);
    expect(screen.getByRole('status')).toHaveTextContent('5,000 keys');
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '5001');
    // Virtualised: a window of rows, not five thousand.
    expect(within(screen.getByRole('table')).getAllByRole('row').length).toBeLessThan(60);

    const filter = screen.getByRole('searchbox', { name: 'Filter keys by label or fingerprint' });
    await user.type(filter, 'key 4999');
    expect(labelsShown()).toEqual(['Key 4999']);
    expect(screen.getByRole('status')).toHaveTextContent('1 of 5,000 keys');

    await user.clear(filter);
    await user.type(filter, '0000 0000 a000 0007');
    expect(labelsShown()).toEqual(['Key 8']);
    await user.clear(filter);
    await user.type(filter, 'a0000007');
    expect(labelsShown()).toEqual(['Key 8']);

    await user.clear(filter);
    const status = screen.getByRole('combobox', { name: 'Filter keys by status' });
    await user.selectOptions(status, 'Active');
    expect(labelsShown()).toEqual(['Key 5000']);
    await user.selectOptions(status, 'Deletion scheduled');
    expect(labelsShown()).toEqual(['Key 1']);
    await user.type(filter, 'nothing like it');
    expect(screen.getByText('No key matches these filters.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('0 of 5,000 keys');
  }, 20_000); // Five thousand keys, typed into key by key, on a shared machine.

  it('sorts by a column header, says so with aria-sort, and flips on a second click', async () => {
    const { user } = showManyKeys(30);
    const header = (name: string) => screen.getByRole('columnheader', { name });
    expect(labelsShown()[0]).toBe('Key 30');
    expect(header('Label')).not.toHaveAttribute('aria-sort');

    await user.click(within(header('Label')).getByRole('button'));
    expect(header('Label')).toHaveAttribute('aria-sort', 'ascending');
    expect(labelsShown().slice(0, 3)).toEqual(['Key 1', 'Key 2', 'Key 3']);

    await user.click(within(header('Label')).getByRole('button'));
    expect(header('Label')).toHaveAttribute('aria-sort', 'descending');
    expect(labelsShown().slice(0, 2)).toEqual(['Key 30', 'Key 29']);

    await user.click(within(header('Created')).getByRole('button'));
    expect(header('Label')).not.toHaveAttribute('aria-sort');
    expect(header('Created')).toHaveAttribute('aria-sort', 'ascending');
    expect(labelsShown()[0]).toBe('Key 1');

    await user.click(within(header('Status')).getByRole('button'));
    expect(labelsShown()[0]).toBe('Key 30');
    await user.click(within(header('Status')).getByRole('button'));
    expect(labelsShown()[0]).toBe('Key 1');
  });

  it('shows since when the active key is active, for how many days, and when rotation is due (R12)', async () => {
    showManyKeys(3);
    expect(row('Key 3')).toHaveTextContent(/12 days \(due in 78\)/);
    // Inactive keys have no age.
    expect(within(row('Key 2')).getAllByRole('cell')[3]).toHaveTextContent('—');
  });

  it('says how long ago rotation fell due once the active key is older than the period', async () => {
    showManyKeys(3, { rotationDays: 10 });
    expect(row('Key 3')).toHaveTextContent(/12 days \(due 2 days ago\)/);
  });
});

describe('the rotation-due banner (R12)', () => {
  it('names the active key and its age, and its button starts the add-key flow', async () => {
    const due = { ...TOKENS, rotationDue: true };
    const old = { ...PRODUCTION_KEY, activatedAt: daysAgo(120) };
    const { user } = renderApp(<WorkflowPage workflow={due} />, () => seedWorkflow(due, [old]));
    const banner = screen.getByRole('region', { name: 'Rotation due' });
    expect(banner).toHaveTextContent(
      '“Production 2026” has been the active key for 120 days, longer than this workflow’s rotation period of 90 days.',
    );
    await user.click(within(banner).getByRole('button', { name: 'Add encryption key' }));
    const info = await screen.findByRole('dialog', { name: 'Add encryption key' });
    expect(info).toHaveTextContent('The new key is added as inactive');
  });

  it('is not shown while rotation is not due', () => {
    renderApp(<WorkflowPage workflow={TOKENS} />, () => seedWorkflow(TOKENS, [PRODUCTION_KEY]));
    expect(screen.queryByRole('region', { name: 'Rotation due' })).toBeNull();
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
