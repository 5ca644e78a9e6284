/** A decrypted body copied through main's clipboard: concealed and cleared after the vault's seconds, like a key (R14). */
import { type DecryptItemResult, plaintextCopyText } from '../../../shared/domain';
import { custody } from '../client/custody';
import { clearsIn } from '../lib/clears-in';
import { notify } from './notify';
import { reportFailure } from './vault-actions';

export async function copyPlaintext(result: DecryptItemResult): Promise<void> {
  if (!result.ok) return;
  const copied = await custody().payloads.copy({ what: 'plaintext', text: plaintextCopyText(result.plaintext) });
  if (!copied.ok) return reportFailure(copied.error);
  notify.success('Decrypted body copied', copied.value ? `${clearsIn(copied.value)}.` : undefined);
}
