/** How long a copied secret stays on the clipboard: the vault's setting, or its default while the vault is closed. */
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { Custody } from '../custody';

export function clipboardSeconds(custody: Custody): () => Promise<number> {
  return () =>
    custody.settings().then(
      (settings) => settings.clipboardSeconds,
      () => DEFAULT_SETTINGS.clipboardSeconds,
    );
}
