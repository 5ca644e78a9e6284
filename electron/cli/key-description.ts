import type { KeyInfo } from '../../shared/domain';
import { printable } from './printable';

/** How a key is named to a person: its id, label and fingerprint, never its value. */
export function describeKey(key: Pick<KeyInfo, 'id' | 'label' | 'fingerprint'>): string {
  return `${key.id}${key.label ? ` "${printable(key.label)}"` : ''} (fingerprint ${key.fingerprint})`;
}
