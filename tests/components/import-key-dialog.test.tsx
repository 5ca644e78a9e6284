/**
 * R5: a key pasted from the Kinde dashboard, in a masked field. Hints follow the typing and never
 * block; the core decides. "Paste from clipboard" leaves the value in main (R14).
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openDialog } from '../../renderer/src/actions/dialog-actions';
import { key, renderApp, seedWorkflow, workflow } from './render-app';

const KEY = 'xfraESl2NR3TfPcFl1T+frNXLOrCdbGQ6EVS7aWpPlI=';
const EMPTY = workflow('onUserTokenGeneration', { name: 'Token generation' });
const WITH_KEY = { ...EMPTY, keyCount: 1, activeKeyId: 'k_00000000000000a1', noActiveKey: false };
const IMPORTED = key('k_00000000000000b2', EMPTY.id, { label: 'From the dashboard', origin: 'imported', status: 'active' });
const HANDLE = `rh_${'b'.repeat(32)}`;

async function openImport(summary = EMPTY) {
  const app = renderApp(null, () => seedWorkflow(summary));
  app.main.answer('workflows.list', () => [summary]);
  app.main.answer('keys.list', () => [IMPORTED]);
  app.main.answer('reveal.close', () => null);
  openDialog({ kind: 'import-key', workflowId: summary.id, returnFocusId: null });
  const dialog = await screen.findByRole('dialog', { name: 'Import key' });
  return { ...app, dialog, field: within(dialog).getByLabelText('Key') };
}

describe('the import key dialog', () => {
  it('says the first key of a workflow becomes its active key', async () => {
    const { dialog } = await openImport(EMPTY);
    expect(dialog).toHaveTextContent('into Token generation. As the first key of the workflow, it becomes the active key.');
  });

  it('says a further key is added inactive', async () => {
    const { dialog } = await openImport(WITH_KEY);
    expect(dialog).toHaveTextContent('It is added as inactive and stays inactive until you activate it.');
  });

  it('hints at the shape as the key is typed, and Import waits for some text', async () => {
    const { dialog, field, user } = await openImport();
    expect(field).toHaveAccessibleDescription(/Paste the 44-character key copied from the Kinde dashboard/);
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeDisabled();

    await user.type(field, 'c2hvcnQ=');
    expect(field).toHaveAccessibleDescription('A 32-byte key is 44 characters (43 without the trailing =); this is 8.');
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeEnabled();

    await user.clear(field);
    await user.type(field, 'this is not a key');
    expect(field).toHaveAccessibleDescription(/A key uses only letters, digits and \+ \//);

    await user.clear(field);
    await user.type(field, KEY);
    expect(field).toHaveAccessibleDescription('Looks like a 32-byte key.');
  });

  it('masks the key as it is typed; Show reveals it and Hide masks it again', async () => {
    const { dialog, field, user } = await openImport();
    expect(field).toHaveAttribute('type', 'password');
    await user.type(field, KEY);
    const toggle = within(dialog).getByRole('button', { name: 'Show' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(field).toHaveAttribute('type', 'text');
    expect(within(dialog).getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(dialog).getByRole('button', { name: 'Hide' }));
    expect(field).toHaveAttribute('type', 'password');
  });

  it('Paste from clipboard asks main to read the clipboard: no value goes through the page', async () => {
    const { dialog, user, main } = await openImport();
    main.answer('keys.import', () => ({ key: IMPORTED, handle: HANDLE }));
    await user.type(within(dialog).getByLabelText(/Label/), 'From the dashboard');
    await user.click(within(dialog).getByRole('button', { name: 'Paste from clipboard' }));

    expect(await screen.findByText('Key imported')).toBeInTheDocument();
    expect(main.callsTo('keys.import')).toEqual([{ workflowId: EMPTY.id, fromClipboard: true, label: 'From the dashboard' }]);
    expect(main.callsTo('reveal.close')).toEqual([{ handle: HANDLE }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a clipboard that holds no key is refused on the field', async () => {
    const { dialog, field, user, main } = await openImport();
    main.refuse('keys.import', { code: 'INVALID_KEY', message: 'The clipboard does not hold a key.' });
    await user.click(within(dialog).getByRole('button', { name: 'Paste from clipboard' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The clipboard does not hold a key.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it('imports the key with its label, closes and says so; the officer holds it, so its reveal handle is closed at once', async () => {
    const { dialog, field, user, main } = await openImport();
    main.answer('keys.import', () => ({ key: IMPORTED, handle: HANDLE }));
    await user.type(field, KEY);
    await user.type(within(dialog).getByLabelText(/Label/), '  From the dashboard ');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));

    expect(await screen.findByText('Key imported')).toBeInTheDocument();
    expect(screen.getByText('From the dashboard is the active key.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(main.callsTo('keys.import')).toEqual([{ workflowId: EMPTY.id, value: KEY, label: 'From the dashboard' }]);
    expect(main.callsTo('reveal.close')).toEqual([{ handle: HANDLE }]);
  });

  it('the hint never blocks: text the core cannot parse is sent, and its refusal is shown on the field', async () => {
    const { dialog, field, user, main } = await openImport();
    main.refuse('keys.import', { code: 'INVALID_KEY', message: 'The key is not base64 of 32 bytes.' });
    await user.type(field, 'this is not a key');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The key is not base64 of 32 bytes.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/The key is not base64 of 32 bytes\./);
    expect(main.callsTo('keys.import')).toEqual([{ workflowId: EMPTY.id, value: 'this is not a key', label: undefined }]);
  });

  it('a key already in the vault is refused on the field, and Cancel closes', async () => {
    const { dialog, field, user, main } = await openImport(WITH_KEY);
    main.refuse('keys.import', { code: 'DUPLICATE_KEY', message: 'This key is already in the vault.' });
    await user.type(field, KEY);
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This key is already in the vault.');
    expect(field).toHaveAttribute('aria-invalid', 'true');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
