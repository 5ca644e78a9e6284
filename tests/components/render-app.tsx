/**
 * Renders a piece of the page as the app mounts it: inside the toast host, with the dialog host
 * beside it, over fresh stores and a fake main (`window.custody` built by the real shared factory,
 * so every call is a Result). Each test seeds the stores it needs and says what main answers.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { KeyInfo, WorkflowSummary } from '../../shared/domain';
import { DialogHost } from '../../renderer/src/features/dialogs/DialogHost';
import { ToastHost } from '../../renderer/src/features/shell/ToastHost';
import { initialAuditState, useAuditStore } from '../../renderer/src/state/audit-store';
import { initialBackupState, useBackupStore } from '../../renderer/src/state/backup-store';
import { initialBatchState, useBatchStore } from '../../renderer/src/state/batch-store';
import { initialDecryptState, useDecryptStore } from '../../renderer/src/state/decrypt-store';
import { initialDialogState, useDialogStore } from '../../renderer/src/state/dialog-store';
import { initialNavigationState, useNavigationStore } from '../../renderer/src/state/navigation-store';
import { initialSettingsState, useSettingsStore } from '../../renderer/src/state/settings-store';
import { initialSimulateState, useSimulateStore } from '../../renderer/src/state/simulate-store';
import { initialToastState, useToastStore } from '../../renderer/src/state/toast-store';
import { useVaultStore } from '../../renderer/src/state/vault-store';
import { initialWorkflowState, useWorkflowStore } from '../../renderer/src/state/workflow-store';
import { type FakeMain, fakeMain } from '../support/fake-main';

export const HOME = '/home/officer/.config/Workflow Key Custody';

function resetStores(): void {
  useVaultStore.setState({ status: { state: 'ready', home: HOME, passphraseSet: false }, busy: false }, true);
  useWorkflowStore.setState(initialWorkflowState, true);
  useDialogStore.setState(initialDialogState, true);
  useToastStore.setState(initialToastState, true);
  useNavigationStore.setState(initialNavigationState, true);
  useAuditStore.setState(initialAuditState, true);
  useBatchStore.setState(initialBatchState, true);
  useDecryptStore.setState(initialDecryptState, true);
  useSimulateStore.setState(initialSimulateState, true);
  useSettingsStore.setState(initialSettingsState, true);
  useBackupStore.setState(initialBackupState, true);
}

/**
 * Fresh stores (the vault ready), then `seed` fills what the test needs, then the page piece is
 * rendered over a fake main as `window.custody`.
 */
export function renderApp(
  ui: ReactNode = null,
  seed: () => void = () => undefined,
): { main: FakeMain; user: ReturnType<typeof userEvent.setup> } {
  resetStores();
  seed();
  const main = fakeMain();
  vi.stubGlobal('custody', main.api);
  const user = userEvent.setup();
  render(
    <ToastHost>
      {ui}
      <DialogHost />
    </ToastHost>,
  );
  return { main, user };
}

export function workflow(id: string, changes: Partial<WorkflowSummary> = {}): WorkflowSummary {
  return {
    id,
    name: '',
    notes: '',
    rotationDays: 90,
    createdAt: '2026-01-01T09:00:00.000Z',
    keyCount: 0,
    activeKeyId: null,
    noActiveKey: true,
    rotationDue: false,
    deletionScheduled: false,
    ...changes,
  };
}

export function key(id: string, workflowId: string, changes: Partial<KeyInfo> = {}): KeyInfo {
  const status = changes.status ?? 'inactive';
  return {
    id,
    workflowId,
    label: '',
    status,
    origin: 'generated',
    fingerprint: '0123456789abcdef',
    createdAt: '2026-01-01T09:00:00.000Z',
    activatedAt: status === 'active' ? '2026-01-01T09:00:00.000Z' : null,
    deactivatedAt: null,
    lastMatchedAt: null,
    deletionScheduledFor: null,
    ...changes,
  };
}

/** A workflow with its keys, as loaded on the workflow screen. */
export function seedWorkflow(summary: WorkflowSummary, keys: KeyInfo[] = []): void {
  useWorkflowStore.setState({
    workflows: [summary],
    workflowsLoaded: true,
    selectedWorkflowId: summary.id,
    keys,
    keysWorkflowId: summary.id,
  });
}

/** A workflow holding two keys, the first of them active. */
export const TOKENS = workflow('onUserTokenGeneration', {
  name: 'Token generation',
  keyCount: 2,
  activeKeyId: 'k_00000000000000a1',
  noActiveKey: false,
});
export const PRODUCTION_KEY = key('k_00000000000000a1', TOKENS.id, { label: 'Production 2026', status: 'active' });
