/** R17: the vault screen's way out of VAULT_ROLLED_BACK and VAULT_MISSING, each only after a confirm. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../shared/domain';
import type { ErrorCode } from '../../shared/errors';
import { VaultGate } from '../../renderer/src/App';
import { useVaultStore } from '../../renderer/src/state/vault-store';
import { HOME, renderApp } from './render-app';

const READY: VaultStatus = { state: 'ready', home: HOME, passphraseSet: false };

function renderUnavailable(code: ErrorCode, message: string) {
  const app = renderApp(<VaultGate />, () =>
    useVaultStore.setState({ status: { state: 'unavailable', home: HOME, error: { code, message } } }),
  );
  app.main.answer('workflows.list', () => []);
  return app;
}

describe('VAULT_ROLLED_BACK on the vault screen', () => {
  it('explains restore or accept; Cancel changes nothing', async () => {
    const { main, user } = renderUnavailable('VAULT_ROLLED_BACK', 'The vault file is older than the keychain says.');
    expect(screen.getByText('Restore the newest vault.json from your backup and press Retry.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accept this older vault' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Accept this older vault?' });
    expect(dialog).toHaveTextContent('stay undone');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(main.callsTo('vault.acceptRollback')).toEqual([]);
  });

  it('the confirmed accept opens the vault', async () => {
    const { main, user } = renderUnavailable('VAULT_ROLLED_BACK', 'The vault file is older than the keychain says.');
    main.answer('vault.acceptRollback', () => READY);
    await user.click(screen.getByRole('button', { name: 'Accept this older vault' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Accept this older vault' }));
    expect(main.callsTo('vault.acceptRollback')).toEqual([{}]);
    expect(await screen.findByText('Older vault accepted')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'The vault cannot be opened' })).toBeNull();
  });

  it('shows a refusal inside the confirm', async () => {
    const { main, user } = renderUnavailable('VAULT_ROLLED_BACK', 'Older.');
    main.refuse('vault.acceptRollback', { code: 'KEYCHAIN_LOCKED', message: 'The OS keychain is locked.' });
    await user.click(screen.getByRole('button', { name: 'Accept this older vault' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Accept this older vault' }));
    expect(await screen.findByText('The OS keychain is locked.')).toBeInTheDocument();
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
  });
});

describe('VAULT_MISSING on the vault screen', () => {
  it('offers only a danger button that names the discarded key, behind a danger confirm', async () => {
    const { main, user } = renderUnavailable('VAULT_MISSING', 'The vault file is missing.');
    expect(screen.queryByRole('button', { name: 'Accept this older vault' })).toBeNull();
    const start = screen.getByRole('button', { name: 'Discard the old key and start a new vault' });
    expect(start).toHaveClass('button-danger');
    await user.click(start);
    expect(screen.getByRole('alertdialog', { name: 'Discard the old key and start a new vault?' })).toBeInTheDocument();
    expect(main.callsTo('vault.startNew')).toEqual([]);

    main.answer('vault.startNew', () => READY);
    const confirm = within(screen.getByRole('alertdialog')).getByRole('button', {
      name: 'Discard the old key and start a new vault',
    });
    expect(confirm).toHaveClass('button-danger');
    await user.click(confirm);
    expect(main.callsTo('vault.startNew')).toEqual([{}]);
    expect(await screen.findByText('New vault started')).toBeInTheDocument();
  });
});
