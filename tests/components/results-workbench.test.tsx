/**
 * Results (a batch's or a paste's): filter chips, a listbox in input order with identical errors
 * grouped, beside the selected result in full, its decrypted body hidden until Reveal.
 */
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DecryptItemResult } from '../../shared/domain';
import { BatchResultsWorkbench as BatchResults } from '../../renderer/src/features/decrypt/ResultsWorkbench';
import { applyVaultStatus } from '../../renderer/src/actions/vault-actions';
import { useBatchStore } from '../../renderer/src/state/batch-store';
import { useDecryptStore } from '../../renderer/src/state/decrypt-store';
import { HOME, renderApp } from './render-app';

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

  it('a click selects a result and shows it in full: the key that matched, the plaintext hidden until Reveal', async () => {
    const { user } = showResults();
    await user.click(within(listbox()).getAllByRole('option')[0]!);
    expect(within(listbox()).getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');

    const detail = screen.getByRole('article', { name: 'Result for /home/officer/captures/a.txt' });
    expect(detail).toHaveTextContent('Production 2026');
    expect(detail).toHaveTextContent('Plaintext (JSON) · 14 bytes');
    expect(within(detail).queryByLabelText('Plaintext')).toBeNull();
    expect(detail).not.toHaveTextContent('ada');
    await user.click(within(detail).getByRole('button', { name: 'Reveal' }));
    expect(within(detail).getByLabelText('Plaintext')).toHaveTextContent(/"user": "ada"/);
    await user.click(within(detail).getByRole('button', { name: 'Hide' }));
    expect(within(detail).queryByLabelText('Plaintext')).toBeNull();
  });

  it('a failed result shows what went wrong', async () => {
    const { user } = showResults();
    await user.click(within(listbox()).getAllByRole('option')[1]!);
    const detail = screen.getByRole('article', { name: 'Result for /home/officer/captures/b.txt' });
    expect(detail).toHaveTextContent('No key in the vault decrypts this payload.');
    // The code itself is there for whoever needs it, beside the words.
    expect(detail).toHaveTextContent('NO_MATCHING_KEY');
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

afterEach(() => {
  vi.useRealTimers();
});

function failure(source: string, code: 'NO_MATCHING_KEY' | 'MALFORMED_PAYLOAD' | 'UNSUPPORTED_INPUT', message: string) {
  return { ok: false as const, source, error: { code, message } };
}

describe('filter chips and grouped errors', () => {
  const MANY: DecryptItemResult[] = [
    RESULTS[0]!,
    ...Array.from({ length: 40 }, (_, i) =>
      failure(`/c/none-${i}.txt`, 'NO_MATCHING_KEY', 'No key in the vault decrypts this payload.'),
    ),
    failure('/c/odd.txt', 'MALFORMED_PAYLOAD', 'The payload is not base64.'),
    failure('/c/link', 'UNSUPPORTED_INPUT', '/c/link is a symbolic link inside a folder.'),
    RESULTS[2]!,
  ];

  function showMany() {
    return renderApp(<BatchResults />, () =>
      useBatchStore.setState({ phase: 'finished', input: { kind: 'folder', label: 'c', files: 44 }, results: MANY }),
    );
  }

  it('identical errors share one row with their count; the detail lists where they came from', async () => {
    const { user } = showMany();
    const list = screen.getByRole('listbox', { name: 'Results, 5 in input order' });
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining('Decrypted'),
      expect.stringMatching(/none-0\.txt and 39 more.*×40.*No matching key/),
      expect.stringContaining('Malformed payload'),
      expect.stringContaining('Not a regular file'),
      expect.stringContaining('Decrypted'),
    ]);
    await user.click(options[1]!);
    const detail = screen.getByRole('article', { name: 'Result for /c/none-0.txt' });
    expect(detail).toHaveTextContent('The same error for 40 captures');
    expect(within(detail).getAllByRole('listitem')).toHaveLength(20);
    expect(detail).toHaveTextContent('and 20 more');
  });

  it('a chip shows one outcome, with its count; pressed again, every result', async () => {
    const { user } = showMany();
    const chips = screen.getByRole('group', { name: 'Show results' });
    expect(
      within(chips)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['All 44', 'Decrypted 2', 'No matching key 40', 'Malformed payload 1', 'Other 1']);
    await user.click(within(chips).getByRole('button', { name: /^Decrypted/ }));
    expect(within(chips).getByRole('button', { name: /^Decrypted/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('listbox', { name: 'Results, 2 in input order' })).toBeInTheDocument();
    await user.click(within(chips).getByRole('button', { name: /^Malformed/ }));
    const only = within(screen.getByRole('listbox', { name: 'Results, 1 in input order' })).getByRole('option');
    expect(only).toHaveTextContent('odd.txt');
    await user.click(within(chips).getByRole('button', { name: /^Malformed/ }));
    expect(screen.getByRole('listbox', { name: 'Results, 5 in input order' })).toBeInTheDocument();
  });
});

describe('a revealed body', () => {
  it('hides again by itself after a minute, and when the vault locks', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = showResults(0);
    const detail = () => screen.getByRole('article', { name: 'Result for /home/officer/captures/a.txt' });
    await user.click(within(detail()).getByRole('button', { name: 'Reveal' }));
    expect(within(detail()).getByLabelText('Plaintext')).toBeInTheDocument();
    expect(detail()).toHaveTextContent('Hidden again after 60 s, and when the vault locks.');
    act(() => vi.advanceTimersByTime(59_000));
    expect(within(detail()).getByLabelText('Plaintext')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1_000));
    expect(within(detail()).queryByLabelText('Plaintext')).toBeNull();

    await user.click(within(detail()).getByRole('button', { name: 'Reveal' }));
    act(() => applyVaultStatus({ state: 'locked', home: HOME, passphraseSet: true, throttledUntil: null }));
    expect(useDecryptStore.getState().revealed).toBeNull();
  });

  it('copies through main without showing it, and says when the clipboard clears', async () => {
    const { user, main } = showResults(0);
    main.answer('payloads.copy', () => ({ clearsInSeconds: 30, clearsWithoutFocus: true }));
    const detail = screen.getByRole('article', { name: 'Result for /home/officer/captures/a.txt' });
    await user.click(within(detail).getByRole('button', { name: 'Copy' }));
    expect(main.callsTo('payloads.copy')).toEqual([{ what: 'plaintext', text: '{"user":"ada"}' }]);
    expect(await screen.findByText('Decrypted body copied')).toBeInTheDocument();
    expect(screen.getByText('Copied — clears in 30 s.')).toBeInTheDocument();
    expect(within(detail).queryByLabelText('Plaintext')).toBeNull();
  });
});
