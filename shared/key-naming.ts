/**
 * How a key is named to a person, by the app and by the core's messages alike: its label, or its
 * spaced fingerprint when it has none. The internal id (k_…) is for the vault and the audit log.
 */

/** Groups a fingerprint in fours so two can be compared by eye. */
export function formatFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
}

export function keyName(key: { label: string; fingerprint: string }): string {
  return key.label.trim() !== '' ? key.label : `Key ${formatFingerprint(key.fingerprint)}`;
}

/** A key named in a sentence: “label” (fingerprint 1a2b 3c4d …), so two like-named keys still differ. */
export function keyInSentence(key: { label: string; fingerprint: string }): string {
  const spaced = formatFingerprint(key.fingerprint);
  return key.label.trim() !== '' ? `“${key.label}” (fingerprint ${spaced})` : `the key with fingerprint ${spaced}`;
}
