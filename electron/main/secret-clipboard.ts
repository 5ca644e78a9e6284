/**
 * R14: every copy of a secret (a key value by its reveal handle, a simulated payload) goes through
 * `copySecret`: one write of the text, the platform's concealment formats (kept out of clipboard
 * history, sync and monitors) and a random marker in a private format. After N seconds, on lock
 * and on quit the clipboard is cleared — only if it still holds our marker, so a later copy by the
 * user is left alone and the secret itself is never kept to compare with.
 */
import { randomBytes } from 'node:crypto';
import { CustodyError } from '../custody';
import type { SecretCopy } from '../../shared/domain';
import type { ClipboardPort } from './clipboard-port';

/** Our private format: a random marker per copy, so a clear only ever removes our own copy. */
export const MARKER_FORMAT = 'com.workflow-key-custody.copy-marker';

const DWORD_ZERO = new Uint8Array(4);
const PRESENT = new Uint8Array(0);

/**
 * The formats that ask the OS to conceal a copy: macOS (nspasteboard.org's conventions, honoured by
 * clipboard managers and Universal Clipboard), Windows (cloud clipboard, history, monitors), and
 * KDE's Klipper on Linux. Elsewhere there is none.
 */
export function concealmentFormats(platform: NodeJS.Platform): Record<string, Uint8Array> {
  switch (platform) {
    case 'darwin':
      return { 'org.nspasteboard.ConcealedType': PRESENT, 'org.nspasteboard.TransientType': PRESENT };
    case 'win32':
      return {
        ExcludeClipboardContentFromMonitorProcessing: PRESENT,
        CanIncludeInClipboardHistory: DWORD_ZERO,
        CanUploadToCloudClipboard: DWORD_ZERO,
      };
    case 'linux':
      return { 'x-kde-passwordManagerHint': new TextEncoder().encode('secret') };
    default:
      return {};
  }
}

export interface SecretClipboard {
  /** Writes a secret, concealed and marked, and schedules its clear. */
  copySecret(text: string): Promise<SecretCopy>;
  /** Writes text that is not secret (a receiver snippet); nothing is cleared later. */
  copyPlain(text: string): Promise<void>;
  /** Reads the clipboard's text (for an import from the clipboard: the value never goes through the page). */
  readText(): Promise<string>;
  /** Clears the clipboard if it still holds `text` (a key just imported from it), and leaves anything newer. */
  clearIfHolds(text: string): Promise<void>;
  /** Clears our copy now if the clipboard still holds it (lock, quit). */
  clearNow(): Promise<void>;
}

export interface SecretClipboardOptions {
  port: ClipboardPort;
  platform: NodeJS.Platform;
  /** The vault's clipboard setting (10–300 s, default 30), read at each copy. */
  clipboardSeconds: () => Promise<number>;
  /** False in a Wayland session: a window without focus cannot clear the clipboard there. */
  clearsWithoutFocus: boolean;
  /** Runs `clear` after `ms`; returns a cancel. Tests run it by hand. */
  schedule?: (clear: () => void, ms: number) => () => void;
}

function unavailable(): CustodyError {
  return new CustodyError(
    'CLIPBOARD_UNAVAILABLE',
    'The clipboard could not be used. Try again; if another program holds the clipboard, close it first.',
  );
}

function scheduleUnref(clear: () => void, ms: number): () => void {
  const timer = setTimeout(clear, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

function sameBytes(a: Uint8Array | null, b: Uint8Array): boolean {
  return a !== null && a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export function createSecretClipboard(options: SecretClipboardOptions): SecretClipboard {
  const { port } = options;
  const schedule = options.schedule ?? scheduleUnref;
  let marker: Uint8Array | null = null;
  let cancelTimer = (): void => undefined;

  const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch {
      throw unavailable();
    }
  };

  const clearNow = async (): Promise<void> => {
    cancelTimer();
    const ours = marker;
    marker = null;
    if (ours === null) return;
    // Unreadable counts as not ours: we never clear what we cannot tell is our copy.
    const current = await port.readFormat(MARKER_FORMAT).catch(() => null);
    if (sameBytes(current, ours)) await port.clear().catch(() => undefined);
  };

  return {
    async copySecret(text) {
      const seconds = await options.clipboardSeconds();
      const next = new Uint8Array(randomBytes(16));
      await guarded(() => port.write({ text, formats: { ...concealmentFormats(options.platform), [MARKER_FORMAT]: next } }));
      cancelTimer();
      marker = next;
      cancelTimer = schedule(() => void clearNow(), seconds * 1000);
      return { clearsInSeconds: seconds, clearsWithoutFocus: options.clearsWithoutFocus };
    },
    copyPlain: (text) => guarded(() => port.write({ text, formats: {} })),
    readText: () => guarded(() => port.readText()),
    async clearIfHolds(text) {
      const current = await port.readText().catch(() => null);
      if (current === text) await port.clear().catch(() => undefined);
    },
    clearNow,
  };
}
