/** Toasts: what happened, in a title and a line, until dismissed; a few at most. */
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { notify } from '../../renderer/src/actions/notify';
import { renderApp } from './render-app';

describe('toasts', () => {
  it('show a title and a description, and go when dismissed', async () => {
    const { user } = renderApp();
    act(() => notify.success('Workflow saved', 'Token generation'));
    expect(screen.getByText('Workflow saved')).toBeInTheDocument();
    expect(screen.getByText('Token generation')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Dismiss notification' }));
    expect(screen.queryByText('Workflow saved')).toBeNull();
  });

  it('keep the newest four', () => {
    renderApp();
    act(() => {
      for (let i = 1; i <= 6; i++) notify.info(`Notice ${i}`);
    });
    expect(screen.queryByText('Notice 2')).toBeNull();
    for (let i = 3; i <= 6; i++) expect(screen.getByText(`Notice ${i}`)).toBeInTheDocument();
  });
});
