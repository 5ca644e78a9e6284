import type { SecretCopy } from '../../../shared/domain';

/** What the page says after a copy of a secret: main clears it later (R14). */
export function clearsIn(copy: SecretCopy): string {
  const when = `Copied — clears in ${copy.clearsInSeconds} s`;
  return copy.clearsWithoutFocus
    ? when
    : `${when} if this window has focus then (this desktop lets only the focused window clear the clipboard)`;
}
