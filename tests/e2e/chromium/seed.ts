/** Test set-up through the same dispatch as the page (the bridge host), never around the rules. */
import type { KeyInfo, KeyReveal, WorkflowSummary } from '../../../shared/domain';
import type { BridgeHost } from '../../support/custody-bridge';

function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`set-up failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export async function addWorkflow(host: BridgeHost, id: string, name?: string): Promise<WorkflowSummary> {
  return valueOf(await host.invoke('workflows.add', { id, name }));
}

/** A new key, its reveal handle (left open) and its value, fetched by the handle as the reveal dialog does. */
export async function addKey(host: BridgeHost, workflowId: string, label?: string): Promise<KeyReveal & { value: string }> {
  const added = valueOf(await host.invoke('keys.add', { workflowId, label }));
  return { ...added, ...valueOf(await host.invoke('reveal.value', { handle: added.handle })) };
}

export async function importKey(host: BridgeHost, workflowId: string, value: string, label?: string): Promise<KeyInfo> {
  const { key, handle } = valueOf(await host.invoke('keys.import', { workflowId, value, label }));
  valueOf(await host.invoke('reveal.close', { handle }));
  return key;
}

export async function listKeys(host: BridgeHost, workflowId: string): Promise<KeyInfo[]> {
  return valueOf(await host.invoke('keys.list', { workflowId }));
}
