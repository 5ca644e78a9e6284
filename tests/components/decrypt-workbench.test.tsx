/**
 * The Decrypt workbench around its results: the openers, the whole-window drop target, a batch's
 * progress by bytes, Cancel, the plaintext export question; and Simulate secureFetch on its own screen.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { applyBatchFinished, applyBatchProgress } from '../../renderer/src/actions/batch-events';
import { AppShell } from '../../renderer/src/features/shell/AppShell';
import { opensFilesAndFoldersTogether } from '../../renderer/src/lib/platform';
import { useBatchStore } from '../../renderer/src/state/batch-store';
import { useNavigationStore } from '../../renderer/src/state/navigation-store';
import { renderApp } from './render-app';

const MIB = 1024 * 1024;
const COUNTS = { done: 0, total: null, decrypted: 0, noMatchingKey: 0, malformed: 0, otherErrors: 0 };

function onDecrypt(seed: () => void = () => undefined) {
  return renderApp(<AppShell />, () => {
    useNavigationStore.setState({ screen: 'decrypt' });
    seed();
  });
}

/** A running NDJSON batch of 40 MiB, 8 of them read after 2 s. */
function runningBatch() {
  useBatchStore.setState({
    phase: 'running',
    batchId: 'b1',
    input: { kind: 'ndjson', label: 'captures.ndjson', files: 1 },
    scope: { mode: 'any' },
    counts: { ...COUNTS, done: 1200, decrypted: 1200 },
    bytes: { read: 8 * MIB, total: 40 * MIB },
    startedAt: Date.now() - 2000,
    elapsedSeconds: 2,
  });
}

describe('opening captures', () => {
  it('one Open… where the dialog takes files and folders together (macOS), else Open files… and Open folder…', async () => {
    expect(opensFilesAndFoldersTogether('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Electron/33')).toBe(true);
    expect(opensFilesAndFoldersTogether('Mozilla/5.0 (X11; Linux x86_64) Electron/33')).toBe(false);
    expect(opensFilesAndFoldersTogether('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Electron/33')).toBe(false);

    const { user, main } = onDecrypt();
    main.answer('batches.choose', () => ({ selection: null }));
    const header = screen.getByRole('banner');
    expect(
      within(header)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Open files…', 'Open folder…']);
    await user.click(screen.getByRole('button', { name: 'Open folder…' }));
    expect(main.callsTo('batches.choose')).toEqual([{ dialog: 'folder' }]);
  });

  it('the whole window takes a drop, with an overlay while files are dragged over it', async () => {
    const { main } = renderApp(<AppShell />);
    main.answer('payloads.decrypt', () => [
      { ok: false, source: 'a.txt', error: { code: 'MALFORMED_PAYLOAD', message: 'The payload is not base64.' } },
    ]);
    main.answer('workflows.list', () => []);
    const file = new File(['not a payload'], 'a.txt', { type: 'text/plain' });
    const transfer = {
      types: ['Files'],
      items: [{ kind: 'file', getAsFile: () => file, webkitGetAsEntry: () => ({ isDirectory: false }) }],
      dropEffect: 'none',
    };
    fireEvent.dragEnter(window, { dataTransfer: transfer });
    expect(screen.getByText('Drop captures to decrypt')).toBeInTheDocument();
    fireEvent.dragLeave(window, { dataTransfer: transfer });
    expect(screen.queryByText('Drop captures to decrypt')).toBeNull();

    fireEvent.dragEnter(window, { dataTransfer: transfer });
    fireEvent.drop(window, { dataTransfer: transfer });
    expect(screen.queryByText('Drop captures to decrypt')).toBeNull();
    // Dropped on the workflow screen: Decrypt opens and decrypts it.
    expect(useNavigationStore.getState().screen).toBe('decrypt');
    expect(await screen.findByRole('article', { name: 'Result for a.txt' })).toHaveTextContent('Malformed payload');
    expect(main.callsTo('payloads.decrypt')).toEqual([
      { payloads: [{ source: 'a.txt', text: 'not a payload' }], scope: { mode: 'any' } },
    ]);
  });
  it('a drop with a folder in it runs as a batch in main, files and folder together, the page naming no path', async () => {
    const { main } = onDecrypt();
    main.answer('batches.startDropped', () => ({ batchId: 'b1', total: 3, totalBytes: 300 }));
    const folder = new File([], 'captures');
    const file = new File(['not a payload'], 'a.txt', { type: 'text/plain' });
    const transfer = {
      types: ['Files'],
      items: [
        { kind: 'file', getAsFile: () => folder, webkitGetAsEntry: () => ({ isDirectory: true }) },
        { kind: 'file', getAsFile: () => file, webkitGetAsEntry: () => ({ isDirectory: false }) },
      ],
      dropEffect: 'none',
    };
    fireEvent.dragEnter(window, { dataTransfer: transfer });
    fireEvent.drop(window, { dataTransfer: transfer });
    expect(await screen.findByRole('heading', { name: '2 dropped items' })).toBeInTheDocument();
    // The paths are the transport's (the preload's webUtils), not the page's.
    expect(main.callsTo('batches.startDropped')).toEqual([
      { scope: { mode: 'any' }, paths: ['/dropped/captures', '/dropped/a.txt'] },
    ]);
    expect(main.callsTo('payloads.decrypt')).toEqual([]);
  });
});

describe('a batch', () => {
  it('shows progress by bytes read of the total, with the rate and the time left', () => {
    onDecrypt(runningBatch);
    const bar = screen.getByRole('progressbar', { name: 'Decrypting captures.ndjson' });
    expect(bar).toHaveAttribute('aria-valuenow', String(8 * MIB));
    expect(bar).toHaveAttribute('aria-valuemax', String(40 * MIB));
    expect(screen.getByText('8.0 MiB of 40.0 MiB read · 1,200 payloads · 4.0 MiB/s · about 8 s left')).toBeInTheDocument();
    act(() =>
      applyBatchProgress({
        batchId: 'b1',
        counts: { ...COUNTS, done: 3000, decrypted: 3000 },
        bytes: { read: 20 * MIB, total: 40 * MIB },
      }),
    );
    expect(bar).toHaveAttribute('aria-valuenow', String(20 * MIB));
    expect(screen.getByText(/^20\.0 MiB of 40\.0 MiB read · 3,000 payloads · .* left$/)).toBeInTheDocument();
  });

  it('after Cancel the bar stays where it stopped, and the summary has focus', async () => {
    const { user, main } = onDecrypt(runningBatch);
    main.answer('batches.cancel', () => null);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(main.callsTo('batches.cancel')).toEqual([{ batchId: 'b1' }]);
    act(() =>
      applyBatchFinished({
        batchId: 'b1',
        counts: { ...COUNTS, done: 1500, decrypted: 1500 },
        bytes: { read: 10 * MIB, total: 40 * MIB },
        cancelled: true,
        error: null,
        exportable: true,
      }),
    );
    const bar = screen.getByRole('progressbar', { name: 'Decrypting captures.ndjson' });
    expect(bar).toHaveAttribute('data-stopped', 'true');
    expect(bar).toHaveAttribute('aria-valuenow', String(10 * MIB));
    expect(bar).toHaveAttribute('aria-valuemax', String(40 * MIB));
    const summary = screen.getByRole('status', { name: 'Batch summary' });
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent('Cancelled after 1,500 payloads');
    expect(screen.queryByRole('checkbox', { name: 'Include plaintext' })).toBeNull();
  });

  it('an export with decrypted bodies is its own question, asked before the save dialog; Cancel writes nothing', async () => {
    const { user, main } = onDecrypt(() => {
      runningBatch();
      useBatchStore.setState({ phase: 'finished', cancelled: false });
    });
    main.answer('batches.export', () => ({ path: '/home/officer/results.json' }));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('menuitem', { name: 'With decrypted bodies…' }));
    const question = screen.getByRole('alertdialog', { name: 'Export with decrypted bodies?' });
    expect(question).toHaveTextContent('The exported file will hold decrypted secrets');
    expect(within(question).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(within(question).getByRole('button', { name: 'Export with plaintext' })).toHaveClass('button-danger');
    expect(main.callsTo('batches.export')).toEqual([]);
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(main.callsTo('batches.export')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('menuitem', { name: 'With decrypted bodies…' }));
    await user.click(screen.getByRole('radio', { name: /^JSON/ }));
    await user.click(screen.getByRole('button', { name: 'Export with plaintext' }));
    expect(main.callsTo('batches.export')).toEqual([{ batchId: 'b1', format: 'json', includePlaintext: true }]);
    expect(await screen.findByText('Results exported, with plaintext')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('menuitem', { name: /^CSV/ }));
    expect(main.callsTo('batches.export').at(-1)).toEqual({ batchId: 'b1', format: 'csv', includePlaintext: false });
    // Three menus and a dialog, clicked through: more than the default five seconds on a busy machine.
  }, 20_000);
});

describe('Simulate secureFetch', () => {
  it('is its own screen in the sidebar, with its own heading, not under Decrypt', async () => {
    const { user, main } = onDecrypt();
    main.answer('payloads.snippets', () => []);
    expect(screen.queryByRole('tab', { name: 'Simulate secureFetch' })).toBeNull();
    const tools = screen.getByRole('navigation', { name: 'Tools' });
    await user.click(within(tools).getByRole('button', { name: 'Simulate secureFetch' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Simulate secureFetch' })).toHaveFocus();
    expect(within(tools).getByRole('button', { name: 'Simulate secureFetch' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('heading', { level: 1, name: 'Decrypt' })).toBeNull();
    expect(main.callsTo('payloads.snippets')).toHaveLength(1);
  });
});
