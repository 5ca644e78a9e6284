/** The audit log screen: newest entry first, in words, and whether the chain holds. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/domain';
import { AuditScreen } from '../../renderer/src/features/audit/AuditScreen';
import { renderApp } from './render-app';

function entry(seq: number, action: AuditEntry['action'], changes: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq,
    time: `2026-03-0${seq}T10:00:00.000Z`,
    action,
    workflowId: 'onUserTokenGeneration',
    keyId: null,
    fingerprint: null,
    user: 'officer',
    details: {},
    mac: 'ab'.repeat(32),
    ...changes,
  };
}

/** As main answers: oldest first. */
const LOG = [
  entry(1, 'vault.init', { workflowId: null }),
  entry(2, 'workflow.add', { details: { name: 'Token generation' } }),
  entry(3, 'key.add', { keyId: 'k_00000000000000a1', fingerprint: '0123456789abcdef', details: { label: 'Production 2026' } }),
  entry(4, 'decrypt.batch', { workflowId: null, details: { items: 1, decrypted: 1 } }),
];

async function showAudit(verified: boolean) {
  const app = renderApp(<AuditScreen />);
  app.main.answer('audit.list', () => LOG);
  app.main.answer('audit.verify', () =>
    verified
      ? { ok: true, entries: 4, problem: null, firstBadSeq: null }
      : { ok: false, entries: 4, problem: 'Entry #3 does not match its MAC.', firstBadSeq: 3 },
  );
  expect(screen.getByText('Reading and verifying the audit log…')).toBeInTheDocument();
  await app.user.click(screen.getByRole('button', { name: 'Refresh' }));
  return app;
}

describe('the audit log', () => {
  it('lists every entry newest first, each action in words with its workflow, key and details', async () => {
    await showAudit(true);
    const table = await screen.findByRole('table', { name: 'Audit log entries, newest first' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['#', 'Time', 'Action', 'Workflow', 'Key fingerprint', 'User', 'Details']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[2]?.textContent)).toEqual([
      'Payloads decrypted',
      'Key added',
      'Workflow added',
      'Vault created',
    ]);
    expect(rows[0]).toHaveTextContent('items: 1, decrypted: 1');
    expect(
      within(rows[1]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '3',
      expect.stringMatching(/^2026-03-0[23] \d\d:\d\d:00 UTC[+-]\d\d:\d\d$/),
      'Key added',
      'onUserTokenGeneration',
      '0123 4567 89ab cdef',
      'officer',
      'label: Production 2026',
    ]);
    // Nothing to say is a dash, not an empty cell.
    expect(
      within(rows[3]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', expect.any(String), 'Vault created', '—', '—', 'officer', '—']);
  });

  it('says the chain is verified, with the count', async () => {
    await showAudit(true);
    expect(await screen.findByText('Chain verified')).toBeInTheDocument();
    expect(screen.getByText('All 4 entries are intact and in order.')).toBeInTheDocument();
  });

  it('says when the chain does not verify, and where it breaks', async () => {
    await showAudit(false);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Chain not verified');
    expect(alert).toHaveTextContent('Entry #3 does not match its MAC.');
    expect(alert).toHaveTextContent('First bad entry: #3.');
  });

  it('filters by workflow, action and date, and counts what is left', async () => {
    const { user } = await showAudit(true);
    const table = await screen.findByRole('table', { name: 'Audit log entries, newest first' });
    const actions = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[2]?.textContent);
    expect(screen.getByRole('status')).toHaveTextContent('4 entries');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Workflow' }), 'onUserTokenGeneration');
    expect(actions()).toEqual(['Key added', 'Workflow added']);
    expect(screen.getByRole('status')).toHaveTextContent('2 of 4 entries');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'Key added');
    expect(actions()).toEqual(['Key added']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(actions()).toHaveLength(4);

    // Local calendar days, both ends included; the entries are at 10:00 UTC on 1–4 March, the
    // same calendar day from UTC−10 to UTC+13.
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    await user.type(from, '2026-03-02');
    await user.type(to, '2026-03-03');
    expect(actions()).toEqual(['Key added', 'Workflow added']);
    await user.clear(to);
    await user.clear(from);
    await user.type(from, '2027-01-01');
    expect(screen.getByText('No entry matches these filters.')).toBeInTheDocument();
  }, 15_000); // Many steps typed one key at a time, on a shared machine.

  it('shows a long workflow id and long details in full, and each time with its zone', async () => {
    const long = entry(5, 'plaintext.export', {
      workflowId: 'onUserTokenGeneration.production.eu-west-1.customer-facing',
      details: { path: '/home/officer/Documents/exports/2026/march/decrypted-plaintext-of-the-incident.jsonl', items: 1200 },
    });
    const app = renderApp(<AuditScreen />);
    app.main.answer('audit.list', () => [...LOG, long]);
    app.main.answer('audit.verify', () => ({ ok: true, entries: 5, problem: null, firstBadSeq: null }));
    await app.user.click(screen.getByRole('button', { name: 'Refresh' }));
    const first = (await screen.findAllByRole('row'))[1]!;
    const cells = within(first).getAllByRole('cell');
    expect(cells[3]).toHaveTextContent('onUserTokenGeneration.production.eu-west-1.customer-facing');
    expect(cells[6]).toHaveTextContent(
      'path: /home/officer/Documents/exports/2026/march/decrypted-plaintext-of-the-incident.jsonl, items: 1200',
    );
    expect(cells[1]?.textContent).toMatch(/^2026-03-0[45] \d\d:\d\d:00 UTC[+-]\d\d:\d\d$/);
  });

  it('marks the broken entry and says what the break means; Show the entry clears the filters', async () => {
    const { user } = await showAudit(false);
    const table = await screen.findByRole('table', { name: 'Audit log entries, newest first' });
    const broken = within(table)
      .getAllByRole('row')
      .find((row) => row.classList.contains('audit-row-broken'));
    expect(within(broken!).getAllByRole('cell')[0]).toHaveTextContent('3');
    expect(broken).toHaveTextContent(
      'The chain breaks here: this entry or one before it was changed outside Workflow Key Custody, or entries were removed.',
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'Vault created');
    expect(within(table).queryByText(/The chain breaks here/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show the entry' }));
    expect(within(table).getByText(/The chain breaks here/)).toBeInTheDocument();
  });

  it('exports the log and says where it went', async () => {
    const { user, main } = await showAudit(true);
    main.answer('audit.export', () => ({ path: '/home/officer/audit.jsonl' }));
    await screen.findByText('Chain verified');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('Audit log exported')).toBeInTheDocument();
    expect(screen.getByText('/home/officer/audit.jsonl')).toBeInTheDocument();
  });
});
