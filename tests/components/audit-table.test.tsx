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
      expect.stringMatching(/^2026-03-0[23] \d\d:\d\d:00$/),
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

  it('exports the log and says where it went', async () => {
    const { user, main } = await showAudit(true);
    main.answer('audit.export', () => ({ path: '/home/officer/audit.jsonl' }));
    await screen.findByText('Chain verified');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('Audit log exported')).toBeInTheDocument();
    expect(screen.getByText('/home/officer/audit.jsonl')).toBeInTheDocument();
  });
});
