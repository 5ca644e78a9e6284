/** The sidebar's workflow list: badges (R7, R12), search, selection, and one tab stop with arrow keys. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Sidebar } from '../../renderer/src/features/sidebar/Sidebar';
import { useWorkflowStore } from '../../renderer/src/state/workflow-store';
import { renderApp, workflow } from './render-app';

const WORKFLOWS = [
  workflow('onUserTokenGeneration', {
    name: 'Token generation',
    keyCount: 1,
    activeKeyId: 'k_00000000000000a1',
    noActiveKey: false,
  }),
  workflow('onPostAuthentication', {
    name: 'Post authentication',
    keyCount: 1,
    activeKeyId: 'k_00000000000000b2',
    noActiveKey: false,
    rotationDue: true,
  }),
  workflow('onExistingPasswordProvided'),
];

/** R13: a key of this one waits for its deletion. */
const LEAVING = workflow('onNewPasswordProvided', {
  name: 'New password',
  keyCount: 2,
  activeKeyId: 'k_00000000000000c3',
  noActiveKey: false,
  deletionScheduled: true,
});

function showSidebar(workflows = WORKFLOWS) {
  const app = renderApp(<Sidebar />, () =>
    useWorkflowStore.setState({ workflows, workflowsLoaded: true, selectedWorkflowId: WORKFLOWS[0]!.id }),
  );
  app.main.answer('keys.list', () => []);
  return app;
}

const list = () => screen.getByRole('list', { name: 'Workflows' });
const item = (name: RegExp) => within(list()).getByRole('button', { name });

describe('the workflow list', () => {
  it('names each workflow with its id and flags, and marks the open one', async () => {
    showSidebar();
    expect(await within(list()).findAllByRole('button')).toHaveLength(3);
    expect(item(/^Token generation/)).toHaveTextContent('onUserTokenGeneration');
    expect(item(/^Token generation/)).toHaveAttribute('aria-current', 'page');
    expect(item(/^Post authentication/)).toHaveTextContent('Rotation due');
    expect(item(/^Post authentication/)).not.toHaveTextContent('No active key');
    // No display name: the id stands in, and a workflow without an active key is flagged.
    expect(item(/^onExistingPasswordProvided/)).toHaveTextContent('No active key');
  });

  it('"Needs attention" keeps the workflows with no active key, rotation due or a deletion scheduled', async () => {
    const { user } = showSidebar([...WORKFLOWS, LEAVING]);
    const toggle = screen.getByRole('button', { name: /^Needs attention/ });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(toggle).toHaveTextContent('3');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(
      within(list())
        .getAllByRole('button')
        .map((b) => b.querySelector('.workflow-item-name')?.textContent),
    ).toEqual(['Post authentication', 'onExistingPasswordProvided', 'New password']);
    expect(item(/^New password/)).toHaveTextContent('Deletion scheduled');
    expect(screen.getByRole('status')).toHaveTextContent('3 workflows need attention');

    // With the search: both must hold.
    await user.type(screen.getByRole('searchbox', { name: 'Search workflows' }), 'token');
    expect(screen.getByText('No workflow needing attention matches “token”.')).toBeInTheDocument();
    await user.click(toggle);
    expect(within(list()).getAllByRole('button')).toHaveLength(1);
  });

  it('search matches the display name or the id, and says how many match', async () => {
    const { user } = showSidebar();
    const search = screen.getByRole('searchbox', { name: 'Search workflows' });
    await user.type(search, 'postauth');
    expect(within(list()).getAllByRole('button')).toHaveLength(1);
    expect(item(/^Post authentication/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1 workflow match “postauth”');

    await user.clear(search);
    await user.type(search, 'token');
    expect(
      within(list())
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([expect.stringMatching(/^Token generation/)]);
  });

  it('says when no workflow matches, and shows them all again when the search is cleared', async () => {
    const { user } = showSidebar();
    const search = screen.getByRole('searchbox', { name: 'Search workflows' });
    await user.type(search, 'nothing like this');
    expect(screen.getByText('No workflow matches “nothing like this”.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Workflows' })).toBeNull();
    await user.clear(search);
    expect(within(list()).getAllByRole('button')).toHaveLength(3);
  });

  it('opens a workflow when it is clicked and loads its keys', async () => {
    const { user, main } = showSidebar();
    await user.click(item(/^Post authentication/));
    expect(item(/^Post authentication/)).toHaveAttribute('aria-current', 'page');
    expect(item(/^Token generation/)).not.toHaveAttribute('aria-current');
    expect(main.callsTo('keys.list')).toEqual([{ workflowId: 'onPostAuthentication' }]);
  });

  it('is one tab stop; arrow keys, Home and End move through it and Enter opens a workflow', async () => {
    const { user } = showSidebar();
    await user.click(screen.getByRole('searchbox', { name: 'Search workflows' }));
    await user.tab(); // Needs attention
    await user.tab(); // Add workflow
    await user.tab();
    expect(item(/^Token generation/)).toHaveFocus();

    // Focus moves on the next frame, once the row is scrolled into view.
    await user.keyboard('{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(item(/^onExistingPasswordProvided/)).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(item(/^onExistingPasswordProvided/)).toHaveAttribute('aria-current', 'page');
    await user.keyboard('{Home}');
    await waitFor(() => expect(item(/^Token generation/)).toHaveFocus());
    await user.keyboard('{End}');
    await waitFor(() => expect(item(/^onExistingPasswordProvided/)).toHaveFocus());

    await user.tab();
    expect(list()).not.toContainElement(document.activeElement as HTMLElement);
  });

  it('says when there are no workflows yet', () => {
    renderApp(<Sidebar />, () => useWorkflowStore.setState({ workflows: [], workflowsLoaded: true }));
    expect(screen.getByText('No workflows yet. Add one with its Kinde workflow id.')).toBeInTheDocument();
  });
});
