/**
 * R4/R14: a new key's value is shown once, fetched by its reveal handle into the dialog only; Copy
 * sends the handle, and closing before a copy asks once more and offers to discard the key.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REVEAL_LIFETIME_MS } from '../../shared/domain';
import { startAddKey } from '../../renderer/src/actions/key-actions';
import { useDialogStore } from '../../renderer/src/state/dialog-store';
import { key, renderApp, seedWorkflow, workflow } from './render-app';

const SECRET = 'xfraESl2NR3TfPcFl1T+frNXLOrCdbGQ6EVS7aWpPlI=';
const HANDLE = `rh_${'a'.repeat(32)}`;
const TOKENS = workflow('onUserTokenGeneration', { name: 'Token generation' });
const FIRST = key('k_00000000000000a1', TOKENS.id, { label: 'Production 2026', status: 'active' });

/** The first key of an empty workflow: added at once, active, and its value shown. */
async function revealFirstKey() {
  const app = renderApp(null, () => seedWorkflow(TOKENS));
  app.main.answer('keys.add', () => ({ key: FIRST, handle: HANDLE }));
  app.main.answer('reveal.value', () => ({ value: SECRET }));
  app.main.answer('reveal.copy', () => ({ clearsInSeconds: 30, clearsWithoutFocus: true }));
  app.main.answer('reveal.close', () => null);
  app.main.answer('workflows.list', () => [TOKENS]);
  app.main.answer('keys.list', () => [FIRST]);
  startAddKey(TOKENS.id, null);
  const dialog = await screen.findByRole('dialog', { name: 'Encryption key' });
  await within(dialog).findByText(SECRET);
  return { ...app, dialog };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the key dialog', () => {
  it('shows the value fetched by its handle, says to copy it now, and names the workflow and status', async () => {
    const { dialog, main } = await revealFirstKey();
    expect(dialog).toHaveAccessibleDescription('The new key’s value, shown this once.');
    // The dashboard's warning, as a warning notice with its icon rather than plain grey text.
    const warning = within(dialog).getByText('You need to copy it immediately, as it cannot be viewed again').closest('.notice');
    expect(warning).toHaveClass('notice-warning');
    expect(warning?.querySelector('svg')).not.toBeNull();
    expect(within(dialog).getByLabelText('Encryption key value')).toHaveTextContent(SECRET);
    expect(dialog).toHaveTextContent('Token generation');
    expect(dialog).toHaveTextContent('Active — this is the first key of the workflow');
    expect(main.callsTo('reveal.value')[0]).toEqual({ handle: HANDLE });
    expect(JSON.stringify(useDialogStore.getState())).not.toContain(SECRET);
  });

  it('Copy sends the handle, never the value, as often as asked; says when the clipboard clears; Close drops it', async () => {
    const { dialog, user, main } = await revealFirstKey();
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await within(dialog).findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Copied' }));

    expect(main.callsTo('reveal.copy')).toEqual([{ handle: HANDLE }, { handle: HANDLE }]);
    expect(JSON.stringify(main.calls.filter((c) => c.channel !== 'reveal.value'))).not.toContain(SECRET);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Copied — clears in 30 s');
    expect(screen.getAllByText('Key copied to the clipboard').length).toBeGreaterThan(0);

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body).not.toHaveTextContent(SECRET);
    expect(main.callsTo('reveal.close')).toEqual([{ handle: HANDLE }]);
  });

  it('says where the desktop lets only a focused window clear the clipboard', async () => {
    const { dialog, user, main } = await revealFirstKey();
    main.answer('reveal.copy', () => ({ clearsInSeconds: 45, clearsWithoutFocus: false }));
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Copied — clears in 45 s if this window has focus then');
  });

  it('Close before copying asks once more, offering Discard this key beside I have copied it; Go back returns', async () => {
    const { dialog, user } = await revealFirstKey();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    const question = within(dialog).getByRole('alert');
    expect(question).toHaveTextContent('Close without copying the key?');
    expect(question).toHaveTextContent('Once this dialog is closed, its value cannot be shown again');
    expect(within(dialog).getByRole('button', { name: 'Discard this key' })).toBeEnabled();
    expect(within(dialog).getByRole('button', { name: 'I have copied it' })).toBeEnabled();
    expect(within(dialog).getByRole('button', { name: 'Go back' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Go back' }));
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(within(dialog).getByLabelText('Encryption key value')).toHaveTextContent(SECRET);
  });

  it('Escape asks the same question; I have copied it closes, the handle with it', async () => {
    const { dialog, user, main } = await revealFirstKey();
    await user.keyboard('{Escape}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Close without copying the key?');

    await user.click(within(dialog).getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body).not.toHaveTextContent(SECRET);
    expect(main.callsTo('reveal.copy')).toEqual([]);
    expect(main.callsTo('reveal.close')).toEqual([{ handle: HANDLE }]);
  });

  it('Discard this key deletes the just-made key through its handle and says so', async () => {
    const { dialog, user, main } = await revealFirstKey();
    main.answer('reveal.discard', () => FIRST);
    main.answer('keys.list', () => []);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await user.click(within(dialog).getByRole('button', { name: 'Discard this key' }));

    expect(await screen.findByText('Key discarded')).toBeInTheDocument();
    expect(screen.getByText('Production 2026 was deleted before anyone used it.')).toBeInTheDocument();
    expect(main.callsTo('reveal.discard')).toEqual([{ handle: HANDLE }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a dead handle (REVEAL_EXPIRED) shows why, hides the value and cannot copy', async () => {
    const app = renderApp(null, () => seedWorkflow(TOKENS));
    app.main.answer('keys.add', () => ({ key: FIRST, handle: HANDLE }));
    app.main.refuse('reveal.value', { code: 'REVEAL_EXPIRED', message: 'This key can no longer be shown or copied.' });
    app.main.answer('workflows.list', () => [TOKENS]);
    app.main.answer('keys.list', () => [FIRST]);
    startAddKey(TOKENS.id, null);
    const dialog = await screen.findByRole('dialog', { name: 'Encryption key' });

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This key can no longer be shown or copied.');
    expect(within(dialog).getByLabelText('Encryption key value')).toHaveTextContent('No longer available');
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeDisabled();
  });

  it('after 10 minutes asks main again, which answers REVEAL_EXPIRED, and the value leaves the page', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout'] });
    const { dialog, main } = await revealFirstKey();
    main.refuse('reveal.value', { code: 'REVEAL_EXPIRED', message: 'This key can no longer be shown or copied.' });
    vi.advanceTimersByTime(REVEAL_LIFETIME_MS);

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This key can no longer be shown or copied.');
    expect(document.body).not.toHaveTextContent(SECRET);
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeDisabled();
  });

  it('a failed copy is shown in the dialog, and the key stays', async () => {
    const { dialog, user, main } = await revealFirstKey();
    main.refuse('reveal.copy', { code: 'CLIPBOARD_UNAVAILABLE', message: 'The clipboard could not be used.' });
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The clipboard could not be used.');
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeEnabled();
    expect(within(dialog).getByLabelText('Encryption key value')).toHaveTextContent(SECRET);
  });
});
