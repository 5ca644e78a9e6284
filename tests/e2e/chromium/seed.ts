/** Test set-up through the same dispatch as the page (the bridge host), never around the rules. */
import type { KeyInfo, RevealedKey, WorkflowSummary } from '../../../shared/domain';
import type { BridgeHost } from '../../support/custody-bridge';

function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`set-up failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export async function addWorkflow(host: BridgeHost, id: string, name?: string): Promise<WorkflowSummary> {
  return valueOf(await host.invoke('workflows.add', { id, name }));
}

export async function addKey(host: BridgeHost, workflowId: string, label?: string): Promise<RevealedKey> {
  return valueOf(await host.invoke('keys.add', { workflowId, label }));
}

export async function importKey(host: BridgeHost, workflowId: string, value: string, label?: string): Promise<KeyInfo> {
  return valueOf(await host.invoke('keys.import', { workflowId, value, label }));
}

export async function listKeys(host: BridgeHost, workflowId: string): Promise<KeyInfo[]> {
  return valueOf(await host.invoke('keys.list', { workflowId }));
}
