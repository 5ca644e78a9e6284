/** The workflow forms: Add workflow, Edit workflow and Remove workflow (R1), with the core's answers. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openDialog } from '../../renderer/src/actions/dialog-actions';
import { renderApp, seedWorkflow, workflow } from './render-app';

const TOKENS = workflow('onUserTokenGeneration', { name: 'Token generation', notes: 'Production', rotationDays: 90 });

describe('Add workflow', () => {
  async function openAdd() {
    const app = renderApp();
    app.main.answer('workflows.list', () => []);
    openDialog({ kind: 'add-workflow', returnFocusId: null });
    const dialog = await screen.findByRole('dialog', { name: 'Add workflow' });
    return { ...app, dialog, submit: within(dialog).getByRole('button', { name: 'Add workflow' }) };
  }

  it('waits for a workflow id, with the default rotation period filled in', async () => {
    const { dialog, submit, user } = await openAdd();
    expect(within(dialog).getByLabelText('Workflow ID')).toHaveFocus();
    expect(within(dialog).getByLabelText('Rotation period (days)')).toHaveValue(90);
    expect(submit).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Workflow ID'), '   ');
    expect(submit).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Workflow ID'), 'onPostAuthentication');
    expect(submit).toBeEnabled();
  });

  it('sends the trimmed id and the fields, closes and says what to do next', async () => {
    const { dialog, submit, user, main } = await openAdd();
    const added = workflow('onPostAuthentication', { name: 'Post authentication', rotationDays: 30 });
    main.answer('workflows.add', () => added);
    main.answer('workflows.list', () => [added]);
    main.answer('keys.list', () => []);
    await user.type(within(dialog).getByLabelText('Workflow ID'), ' onPostAuthentication ');
    await user.type(within(dialog).getByLabelText(/Display name/), 'Post authentication');
    await user.clear(within(dialog).getByLabelText('Rotation period (days)'));
    await user.type(within(dialog).getByLabelText('Rotation period (days)'), '30');
    await user.click(submit);

    expect(await screen.findByText('Workflow added')).toBeInTheDocument();
    expect(screen.getByText('Post authentication has no keys yet. Add or import its encryption key.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(main.callsTo('workflows.add')).toEqual([
      { id: 'onPostAuthentication', name: 'Post authentication', notes: '', rotationDays: 30 },
    ]);
  });

  it("shows the core's refusal of the id on the Workflow ID field", async () => {
    const { dialog, submit, user, main } = await openAdd();
    main.refuse('workflows.add', { code: 'ALREADY_EXISTS', message: 'A workflow with this id already exists.' });
    await user.type(within(dialog).getByLabelText('Workflow ID'), 'onUserTokenGeneration');
    await user.click(submit);

    const field = within(dialog).getByLabelText('Workflow ID');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('A workflow with this id already exists.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/A workflow with this id already exists\./);
  });
});

describe('Edit workflow', () => {
  it('starts from what the workflow has and saves the changes', async () => {
    const { user, main } = renderApp(null, () => seedWorkflow(TOKENS));
    main.answer('workflows.update', () => ({ ...TOKENS, rotationDays: 30 }));
    main.answer('workflows.list', () => [TOKENS]);
    openDialog({ kind: 'edit-workflow', workflowId: TOKENS.id, returnFocusId: null });
    const dialog = await screen.findByRole('dialog', { name: 'Edit workflow' });
    expect(dialog).toHaveAccessibleDescription('onUserTokenGeneration');
    expect(within(dialog).getByLabelText(/Display name/)).toHaveValue('Token generation');
    expect(within(dialog).getByLabelText(/Notes/)).toHaveValue('Production');

    await user.clear(within(dialog).getByLabelText('Rotation period (days)'));
    await user.type(within(dialog).getByLabelText('Rotation period (days)'), '30');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Workflow saved')).toBeInTheDocument();
    expect(main.callsTo('workflows.update')).toEqual([
      { workflowId: TOKENS.id, name: 'Token generation', notes: 'Production', rotationDays: 30 },
    ]);
  });
});

describe('Remove workflow', () => {
  it('is refused while the workflow has an active key, and says what to do', async () => {
    renderApp(null, () => seedWorkflow({ ...TOKENS, keyCount: 1, activeKeyId: 'k_00000000000000a1', noActiveKey: false }));
    openDialog({ kind: 'remove-workflow', workflowId: TOKENS.id, returnFocusId: null });
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove workflow' });
    expect(dialog).toHaveTextContent('Token generation cannot be removed while it has an active key.');
    expect(dialog).toHaveTextContent('Deactivate its active key first');
    expect(within(dialog).getByRole('button', { name: 'Remove workflow' })).toBeDisabled();
  });

  it('names the inactive keys that go with it, and removes it when confirmed', async () => {
    const { user, main } = renderApp(null, () => seedWorkflow({ ...TOKENS, keyCount: 2 }));
    main.answer('workflows.remove', () => ({ deletedKeys: 2 }));
    main.answer('workflows.list', () => []);
    openDialog({ kind: 'remove-workflow', workflowId: TOKENS.id, returnFocusId: null });
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove workflow' });
    expect(dialog).toHaveTextContent('Token generation is removed from the vault with its 2 inactive keys.');
    await user.click(within(dialog).getByRole('button', { name: 'Remove workflow' }));

    expect(await screen.findByText('Workflow removed')).toBeInTheDocument();
    expect(screen.getByText('2 inactive keys were deleted.')).toBeInTheDocument();
    expect(main.callsTo('workflows.remove')).toEqual([{ workflowId: TOKENS.id }]);
  });
});
