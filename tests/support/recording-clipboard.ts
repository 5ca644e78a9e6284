/**
 * A clipboard port that records what main asks of the OS clipboard (unit tests, the Chromium test
 * bridge): every write with its raw formats, and clears. `userCopies` stands for another program
 * (or the user) putting text on the clipboard. Holds key values: never log it.
 */
import type { ClipboardContent, ClipboardPort } from '../../electron/main/clipboard-port';

export interface RecordingClipboard extends ClipboardPort {
  /** Every write main made, in order. */
  readonly writes: ClipboardContent[];
  /** How many times main cleared the clipboard. */
  clears(): number;
  /** What the clipboard holds now ('' once cleared). */
  current(): ClipboardContent;
  userCopies(text: string): void;
  /** From now on every call fails, as when the OS clipboard cannot be reached. */
  breaks(): void;
}

export function recordingClipboard(): RecordingClipboard {
  const writes: ClipboardContent[] = [];
  let now: ClipboardContent = { text: '', formats: {} };
  let clears = 0;
  let broken = false;
  const check = (): void => {
    if (broken) throw new Error('clipboard unavailable');
  };
  return {
    writes,
    clears: () => clears,
    current: () => now,
    userCopies: (text) => {
      now = { text, formats: {} };
    },
    breaks: () => {
      broken = true;
    },
    write: async (content) => {
      check();
      writes.push(content);
      now = content;
    },
    readFormat: async (format) => {
      check();
      return now.formats[format] ?? null;
    },
    readText: async () => {
      check();
      return now.text;
    },
    clear: async () => {
      check();
      clears += 1;
      now = { text: '', formats: {} };
    },
  };
}
