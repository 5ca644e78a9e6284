/**
 * Issue 24's plain words and polish in the page: errors read as a label and a sentence with the
 * code folded away; Keyboard shortcuts from the one table; About's versions, truthfully.
 */
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { MENU_SHORTCUTS, PAGE_SHORTCUTS } from '../../shared/shortcuts';
import { openDialog } from '../../renderer/src/actions/dialog-actions';
import { ERROR_TITLES } from '../../renderer/src/client/error-titles';
import { listenForPageShortcuts } from '../../renderer/src/session/page-shortcuts';
import { ErrorNotice } from '../../renderer/src/ui/ErrorNotice';
import { HOME, renderApp } from './render-app';

describe('errors in plain words', () => {
  it('every code has a label in words, never the code itself', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_TITLES[code]).not.toMatch(/[A-Z]{2,}_/);
      expect(ERROR_TITLES[code].length).toBeGreaterThan(0);
    }
    expect(ERROR_TITLES.MALFORMED_PAYLOAD).toBe('Malformed payload');
    expect(ERROR_TITLES.NO_MATCHING_KEY).toBe('No matching key');
  });

  it('shows the label and the sentence; the code waits in a Details disclosure', async () => {
    const { user } = renderApp(
      <ErrorNotice error={{ code: 'MALFORMED_PAYLOAD', message: 'This is not a secureFetch payload: it is not base64.' }} />,
    );
    const notice = screen.getByRole('alert');
    expect(notice).toHaveTextContent('Malformed payload');
    expect(notice).toHaveTextContent('This is not a secureFetch payload: it is not base64.');
    const details = notice.querySelector('details');
    expect(details).not.toBeNull();
    expect(details).not.toHaveAttribute('open');
    await user.click(within(notice).getByText('Details'));
    expect(details).toHaveAttribute('open');
    expect(within(notice).getByText('MALFORMED_PAYLOAD')).toBeVisible();
  });
});

describe('keyboard shortcuts', () => {
  let stop: (() => void) | null = null;
  afterEach(() => {
    stop?.();
    stop = null;
  });

  it('"?" opens the list, which holds every menu shortcut and the page keys', async () => {
    const { user } = renderApp(<input aria-label="Search" />);
    stop = listenForPageShortcuts(window);
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(Object.keys(MENU_SHORTCUTS).length + PAGE_SHORTCUTS.length);
    expect(within(dialog).getByRole('row', { name: 'Lock Ctrl+L' })).toBeInTheDocument();
    expect(within(dialog).getByRole('row', { name: 'Audit log Ctrl+Shift+A' })).toBeInTheDocument();
    expect(within(dialog).getByRole('row', { name: 'Keyboard shortcuts Ctrl+/' })).toBeInTheDocument();
  });

  it('a "?" typed into a field is text; Ctrl+/ opens the list from anywhere', async () => {
    const { user } = renderApp(<input aria-label="Search" />);
    stop = listenForPageShortcuts(window);
    await user.click(screen.getByLabelText('Search'));
    await user.keyboard('?');
    expect(screen.getByLabelText('Search')).toHaveValue('?');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('{Control>}/{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });

  it('never replaces an open dialog (a key being revealed would be lost)', async () => {
    const { user } = renderApp();
    stop = listenForPageShortcuts(window);
    act(() => openDialog({ kind: 'about', returnFocusId: null }));
    await screen.findByRole('dialog', { name: 'About Workflow Key Custody' });
    await user.keyboard('?');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
  });
});

describe('About', () => {
  it('shows the version, the runtimes and the vault folder', async () => {
    const { main } = renderApp();
    main.answer('app.about', () => ({ version: '1.4.2', electron: '33.2.0', chromium: '130.0.6723.137', node: '20.18.1' }));
    act(() => openDialog({ kind: 'about', returnFocusId: null }));
    const dialog = await screen.findByRole('dialog', { name: 'About Workflow Key Custody' });
    expect(await within(dialog).findByText('1.4.2')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Electron33.2.0');
    expect(dialog).toHaveTextContent('Chromium130.0.6723.137');
    expect(dialog).toHaveTextContent('Node.js20.18.1');
    expect(dialog).toHaveTextContent(HOME);
  });

  it('says when main is not Electron rather than invent a version', async () => {
    const { main } = renderApp();
    main.answer('app.about', () => ({ version: '1.4.2', electron: null, chromium: null, node: '22.1.0' }));
    act(() => openDialog({ kind: 'about', returnFocusId: null }));
    const dialog = await screen.findByRole('dialog', { name: 'About Workflow Key Custody' });
    expect(await within(dialog).findByText('Not running in Electron')).toBeInTheDocument();
  });
});
