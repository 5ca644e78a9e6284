import { custody } from '../client/custody';
import { clearsIn } from '../lib/clears-in';
import { keyName } from '../lib/key-name';
import { useDecryptStore } from '../state/decrypt-store';
import { useSimulateStore } from '../state/simulate-store';
import { decryptPasted } from './decrypt-actions';
import { latestRequest } from './latest-request';
import { showScreen } from './navigation-actions';
import { notify } from './notify';
import { isInlineError, reportFailure } from './vault-actions';

const encryptRequest = latestRequest();

/** Simulate secureFetch: its own screen, since it encrypts (Decrypt only reads captures). */
export function openSimulate(): void {
  showScreen('simulate');
  if (useSimulateStore.getState().snippets === null) void loadSnippets();
}

export function setSimulateWorkflow(workflowId: string): void {
  useSimulateStore.setState({ workflowId, sealed: null, error: null });
}

/** A payload shown for another body would mislead: editing the body clears it. */
export function setSimulateBody(body: string): void {
  useSimulateStore.setState({ body, sealed: null });
}

/**
 * As secureFetch (and `custody encrypt`) would: the workflow's active key, nonce-tag-ciphertext,
 * base64url. Main asks first, once per unlock, with a native dialog (a receiver accepts what is
 * sealed here); Cancel leaves the form as it was.
 */
export async function encryptBody(workflowId: string): Promise<void> {
  const isLatest = encryptRequest();
  useSimulateStore.setState({ encrypting: true, error: null });
  const consent = await custody().payloads.confirmSimulate();
  if (!isLatest()) return;
  if (!consent.ok || !consent.value.confirmed) {
    useSimulateStore.setState({ encrypting: false });
    if (!consent.ok) reportFailure(consent.error);
    return;
  }
  const result = await custody().payloads.encrypt({ workflowId, plaintext: useSimulateStore.getState().body });
  if (!isLatest()) return;
  if (!result.ok) {
    useSimulateStore.setState({ encrypting: false, sealed: null, error: isInlineError(result.error) ? result.error : null });
    return;
  }
  useSimulateStore.setState({ encrypting: false, sealed: { workflowId, ...result.value } });
}

/** Main copies it, and only a payload it encrypted itself (the page has no clipboard of its own). */
export async function copySealedPayload(): Promise<void> {
  const { sealed } = useSimulateStore.getState();
  if (sealed === null) return;
  const result = await custody().payloads.copy({ what: 'payload', payload: sealed.payload });
  if (!result.ok) return reportFailure(result.error);
  const clears = result.value ? ` ${clearsIn(result.value)}.` : '';
  notify.success('Payload copied to the clipboard', `Sealed with ${keyName(sealed.key)}. Send it to your receiver.${clears}`);
}

export async function loadSnippets(): Promise<void> {
  const result = await custody().payloads.snippets();
  if (!result.ok) return reportFailure(result.error);
  useSimulateStore.setState({ snippets: result.value });
}

export async function copySnippet(language: string, title: string): Promise<void> {
  const result = await custody().payloads.copy({ what: 'snippet', language });
  if (!result.ok) return reportFailure(result.error);
  notify.success('Snippet copied to the clipboard', `${title}. Put the workflow’s key where the placeholder stands.`);
}

/** Round trip: the sealed payload goes to Decrypt and decrypts there with that workflow's keys. */
export async function decryptSealedInWorkbench(): Promise<void> {
  const { sealed } = useSimulateStore.getState();
  if (sealed === null) return;
  showScreen('decrypt');
  useDecryptStore.setState({ scope: { mode: 'workflow', workflowId: sealed.workflowId }, pasted: sealed.payload });
  await decryptPasted();
}
