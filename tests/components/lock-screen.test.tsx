/** R15: a locked window shows the lock screen only; Unlock asks for the passphrase when one is set. */
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../shared/domain';
import { VaultGate } from '../../renderer/src/App';
import { applyVaultStatus } from '../../renderer/src/actions/vault-actions';
import { useDialogStore } from '../../renderer/src/state/dialog-store';
import { useNavigationStore } from '../../renderer/src/state/navigation-store';
import { useVaultStore } from '../../renderer/src/state/vault-store';
import { useWorkflowStore } from '../../renderer/src/state/workflow-store';
import { HOME, PRODUCTION_KEY, TOKENS, renderApp, seedWorkflow } from './render-app';

const READY: VaultStatus = { state: 'ready', home: HOME, passphraseSet: true };
const locked = (passphraseSet: boolean, throttledUntil: string | null = null): VaultStatus => ({
  state: 'locked',
  home: HOME,
  passphraseSet,
  throttledUntil,
});

function renderLocked(status: VaultStatus) {
  const app = renderApp(<VaultGate />, () => useVaultStore.setState({ status }));
  app.main.answer('workflows.list', () => [TOKENS]);
  app.main.answer('keys.list', () => [PRODUCTION_KEY]);
  return app;
}

describe('the lock screen', () => {
  it('asks for the passphrase and unlocks with it', async () => {
    const { main, user } = renderLocked(locked(true));
    expect(screen.getByRole('heading', { name: 'The vault is locked' })).toBeInTheDocument();
    main.answer('vault.unlock', () => READY);
    await user.type(screen.getByLabelText('Passphrase'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(main.callsTo('vault.unlock')).toEqual([{ passphrase: 'correct horse battery' }]);
    expect(await screen.findByRole('button', { name: 'Lock' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'The vault is locked' })).toBeNull();
  });

  it('says a wrong passphrase in a sentence, empties the field and stays locked', async () => {
    const { main, user } = renderLocked(locked(true));
    main.refuse('vault.unlock', {
      code: 'WRONG_PASSPHRASE',
      message: 'The passphrase is wrong; nothing was changed. 4 more tries before each next try must wait.',
    });
    await user.type(screen.getByLabelText('Passphrase'), 'not it at all');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The passphrase is wrong; nothing was changed. 4 more tries before each next try must wait.',
    );
    expect(screen.getByLabelText('Passphrase')).toHaveValue('');
    expect(screen.getByRole('heading', { name: 'The vault is locked' })).toBeInTheDocument();
  });

  it('says when the next try is allowed after too many wrong ones', async () => {
    const { main, user } = renderLocked(locked(true));
    main.refuse('vault.unlock', {
      code: 'UNLOCK_THROTTLED',
      message: 'Too many wrong passphrases. Try again in 30 s; nothing was tried or changed.',
    });
    await user.type(screen.getByLabelText('Passphrase'), 'another guess');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many wrong passphrases. Try again in 30 s');
  });

  it('has only Unlock when the vault has no passphrase', async () => {
    const { main, user } = renderLocked(locked(false));
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
    main.answer('vault.unlock', () => ({ state: 'ready', home: HOME, passphraseSet: false }));
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(main.callsTo('vault.unlock')).toEqual([{}]);
    expect(await screen.findByRole('button', { name: 'Lock' })).toBeInTheDocument();
  });

  it('on lock, forgets everything read from the vault and shows nothing but the lock screen', async () => {
    const { main, user } = renderApp(<VaultGate />, () => {
      seedWorkflow(TOKENS, [PRODUCTION_KEY]);
      useNavigationStore.setState({ screen: 'audit' });
    });
    main.answer('vault.lock', () => locked(false));
    main.answer('audit.list', () => []);
    main.answer('audit.verify', () => ({ ok: true, entries: 0 }) as never);
    await user.click(screen.getByRole('button', { name: 'Lock' }));

    expect(await screen.findByRole('heading', { name: 'The vault is locked' })).toBeInTheDocument();
    expect(screen.queryByText('Token generation')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useWorkflowStore.getState()).toMatchObject({ workflows: [], keys: [], selectedWorkflowId: null });
    expect(useNavigationStore.getState().screen).toBe('workflow');
    expect(main.callsTo('vault.lock')).toEqual([{}]);
  });

  it('follows a lock pushed by main (idle, screen lock, the menu)', async () => {
    renderApp(<VaultGate />, () => {
      seedWorkflow(TOKENS, [PRODUCTION_KEY]);
      useDialogStore.setState({ dialog: { kind: 'about', returnFocusId: null } });
    });
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    act(() => applyVaultStatus(locked(true)));
    expect(await screen.findByLabelText('Passphrase')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useWorkflowStore.getState().workflows).toEqual([]);
  });
});
