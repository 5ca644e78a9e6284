/** R4: a new key's value is shown once; it is copied through main, and closing before a copy asks once more. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startAddKey } from '../../renderer/src/actions/key-actions';
import { key, renderApp, seedWorkflow, workflow } from './render-app';

const SECRET = 'xfraESl2NR3TfPcFl1T+frNXLOrCdbGQ6EVS7aWpPlI=';
const TOKENS = workflow('onUserTokenGeneration', { name: 'Token generation' });
const FIRST = key('k_00000000000000a1', TOKENS.id, { label: 'Production 2026', status: 'active' });

/** The first key of an empty workflow: added at once, active, and its value shown. */
async function revealFirstKey() {
  const app = renderApp(null, () => seedWorkflow(TOKENS));
  app.main.answer('keys.add', () => ({ key: FIRST, value: SECRET }));
  app.main.answer('keys.copyRevealed', () => null);
  app.main.answer('workflows.list', () => [TOKENS]);
  app.main.answer('keys.list', () => [FIRST]);
  startAddKey(TOKENS.id, null);
  const dialog = await screen.findByRole('dialog', { name: 'Encryption key' });
  return { ...app, dialog };
}

describe('the key dialog', () => {
  it('shows the value once, says to copy it now, and names the workflow and status', async () => {
    const { dialog } = await revealFirstKey();
    expect(dialog).toHaveAccessibleDescription('You need to copy it immediately, as it cannot be viewed again');
    expect(within(dialog).getByLabelText('Encryption key value')).toHaveTextContent(SECRET);
    expect(dialog).toHaveTextContent('Token generation');
    expect(dialog).toHaveTextContent('Active — this is the first key of the workflow');
  });

  it('Copy goes through main, says Copied, and then Close closes and the value is gone', async () => {
    const { dialog, user, main } = await revealFirstKey();
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));

    expect(await within(dialog).findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(main.callsTo('keys.copyRevealed')).toEqual([{ workflowId: TOKENS.id, keyId: FIRST.id, value: SECRET }]);
    expect(screen.getByText('Key copied to the clipboard')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body).not.toHaveTextContent(SECRET);
  });

  it('Close before copying asks once more; Go back returns to the key', async () => {
    const { dialog, user } = await revealFirstKey();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    const question = within(dialog).getByRole('alert');
    expect(question).toHaveTextContent('Close without copying the key?');
    expect(question).toHaveTextContent('Once this dialog is closed, its value cannot be shown again');
    expect(within(dialog).getByRole('button', { name: 'Go back' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Go back' }));
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(within(dialog).getByLabelText('Encryption key value')).toHaveTextContent(SECRET);
  });

  it('Escape asks the same question rather than closing; Close without copying drops the value', async () => {
    const { dialog, user, main } = await revealFirstKey();
    await user.keyboard('{Escape}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Close without copying the key?');

    await user.click(within(dialog).getByRole('button', { name: 'Close without copying' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body).not.toHaveTextContent(SECRET);
    expect(main.callsTo('keys.copyRevealed')).toEqual([]);
  });

  it('a failed copy is shown in the dialog, and the key stays', async () => {
    const { dialog, user, main } = await revealFirstKey();
    main.refuse('keys.copyRevealed', { code: 'INTERNAL', message: 'The clipboard could not be written.' });
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The clipboard could not be written.');
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeEnabled();
    expect(within(dialog).getByLabelText('Encryption key value')).toHaveTextContent(SECRET);
  });
});
