import type { CustodyApi } from '../../../shared/custody-api';
import { applyBatchFinished, applyBatchProgress, applyBatchResults } from '../actions/batch-events';
import { applyVaultStatus, offerPassphrase, refreshVaultStatus } from '../actions/vault-actions';
import { refreshAfterChange } from '../actions/workflow-actions';
import { useVaultStore } from '../state/vault-store';
import { runMenuCommand } from './menu-commands';

/** Feeds the stores from main's events, then asks for the vault's status. Returns the unsubscribe. */
export function connectSession(api: CustodyApi): () => void {
  const unsubscribe = [
    api.on('vault.status', applyVaultStatus),
    api.on('vault.created', offerPassphrase),
    api.on('vault.changed', () => {
      if (useVaultStore.getState().status.state === 'ready') void refreshAfterChange();
    }),
    api.on('batch.progress', applyBatchProgress),
    api.on('batch.results', applyBatchResults),
    api.on('batch.finished', applyBatchFinished),
    api.on('menu.command', ({ command }) => runMenuCommand(command)),
  ];
  void refreshVaultStatus();
  return () => unsubscribe.forEach((off) => off());
}
