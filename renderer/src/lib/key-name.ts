import type { KeyInfo } from '../../../shared/domain';
import { formatFingerprint } from './format';

/** How a key is named to a person: its label, or its fingerprint when it has none. */
export function keyName(key: Pick<KeyInfo, 'label' | 'fingerprint'>): string {
  return key.label.trim() !== '' ? key.label : `Key ${formatFingerprint(key.fingerprint)}`;
}
