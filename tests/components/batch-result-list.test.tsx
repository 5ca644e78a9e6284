/** A batch's results: a listbox in input order beside the selected result in full. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DecryptItemResult } from '../../shared/domain';
import { BatchResults } from '../../renderer/src/features/decrypt/BatchResults';
import { useBatchStore } from '../../renderer/src/state/batch-store';
import { renderApp } from './render-app';

const RESULTS: DecryptItemResult[] = [
  {
    ok: true,
    source: '/home/officer/captures/a.txt',
    layout: 'nonce-tag-ciphertext',
    key: {
      id: 'k_00000000000000a1',
      workflowId: 'onUserTokenGeneration',
      label: 'Production 2026',
      status: 'active',
      fingerprint: '0123456789abcdef',
      index: 0,
    },
    plaintext: { utf8: true, text: '{"user":"ada"}', base64: null, byteLength: 14 },
  },
  {
    ok: false,
    source: '/home/officer/captures/b.txt',
    error: { code: 'NO_MATCHING_KEY', message: 'No key in the vault decrypts this payload.' },
  },
  {
    ok: true,
    source: '/home/officer/captures/session.har#3',
    meta: { url: 'https://api.example.test/hook' },
    layout: 'nonce-ciphertext-tag',
    key: { id: null, workflowId: null, label: null, status: null, fingerprint: 'fedcba9876543210', index: 1 },
    plaintext: { utf8: true, text: 'plain words', base64: null, byteLength: 11 },
  },
];

function showResults(selectedIndex: number | null = null) {
  return renderApp(<BatchResults />, () =>
    useBatchStore.setState({
      phase: 'finished',
      input: { kind: 'folder', label: 'captures', files: 3 },
      results: RESULTS,
      selectedIndex,
    }),
  );
}

const listbox = () => screen.getByRole('listbox', { name: 'Results, 3 in input order' });

describe('the batch result list', () => {
  it('shows each result in input order: its source, outcome and the key or the error', () => {
    showResults();
    const options = within(listbox()).getAllByRole('option');
    expect(options).toHaveLength(3);
    expect(options[0]).toHaveTextContent('captures/a.txt');
    expect(options[0]).toHaveTextContent('Decrypted');
    expect(options[0]).toHaveTextContent(
      'Production 2026 · Active · 0123 4567 89ab cdef · onUserTokenGeneration · nonce-tag-ciphertext',
    );
    expect(options[1]).toHaveTextContent('No matching key');
    expect(options[1]).not.toHaveTextContent('NO_MATCHING_KEY');
    expect(options[1]).toHaveTextContent('No key in the vault decrypts this payload.');
    expect(options[2]).toHaveTextContent('captures/session.har#3');
    expect(options[2]).toHaveTextContent('https://api.example.test/hook');
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'false', 'false']);
    expect(screen.getByText('Select a result to see the key that matched and the decrypted body.')).toBeInTheDocument();
  });

  it('a click selects a result and shows it in full: the key that matched and the plaintext', async () => {
    const { user } = showResults();
    await user.click(within(listbox()).getAllByRole('option')[0]!);
    expect(within(listbox()).getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');

    const detail = screen.getByRole('article', { name: 'Result for /home/officer/captures/a.txt' });
    expect(detail).toHaveTextContent('Production 2026');
    expect(detail).toHaveTextContent('Plaintext (JSON)');
    expect(within(detail).getByLabelText('Plaintext')).toHaveTextContent(/"user": "ada"/);
  });

  it('a failed result shows what went wrong', async () => {
    const { user } = showResults();
    await user.click(within(listbox()).getAllByRole('option')[1]!);
    const detail = screen.getByRole('article', { name: 'Result for /home/officer/captures/b.txt' });
    expect(within(detail).getByText('No key in the vault decrypts this payload.')).toBeInTheDocument();
  });

  it('arrow keys, Home and End move the selection, and the list names the selected row', async () => {
    const { user } = showResults();
    listbox().focus();
    await user.keyboard('{ArrowDown}');
    expect(listbox()).toHaveAttribute('aria-activedescendant', within(listbox()).getAllByRole('option')[0]!.id);
    await user.keyboard('{ArrowDown}');
    expect(within(listbox()).getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{End}');
    expect(within(listbox()).getAllByRole('option')[2]).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('article', { name: 'Result for /home/officer/captures/session.har#3' })).toBeInTheDocument();
    await user.keyboard('{Home}');
    expect(within(listbox()).getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}');
    expect(within(listbox()).getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');
  });

  it('shows nothing before there is a result', () => {
    renderApp(<BatchResults />);
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});
