/**
 * R14 through a recording clipboard port: what main asks of the OS clipboard for a secret (one
 * write, the platform's concealment formats and a private marker), and when it clears it.
 */
import { describe, expect, it } from 'vitest';
import { MARKER_FORMAT, createSecretClipboard } from '../../../electron/main/secret-clipboard';
import { recordingClipboard } from '../../support/recording-clipboard';

const SECRET = 'xfraESl2NR3TfPcFl1T+frNXLOrCdbGQ6EVS7aWpPlI=';

function setUp(platform: NodeJS.Platform = 'linux') {
  const port = recordingClipboard();
  const timers: Array<{ ms: number; run: () => void; cancelled: boolean }> = [];
  const clipboard = createSecretClipboard({
    port,
    platform,
    clipboardSeconds: async () => 45,
    clearsWithoutFocus: true,
    schedule: (run, ms) => {
      const timer = { ms, run, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  /** Lets the clear the timer started finish. */
  const fire = async (index: number) => {
    timers[index]?.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { port, clipboard, timers, fire };
}

function hex(bytes: Uint8Array | undefined): string | undefined {
  return bytes === undefined ? undefined : Buffer.from(bytes).toString('hex');
}

describe('copySecret', () => {
  it('writes the text, macOS’s concealed and transient types and a marker in one write', async () => {
    const { port, clipboard } = setUp('darwin');
    await clipboard.copySecret(SECRET);
    expect(port.writes).toHaveLength(1);
    const [write] = port.writes;
    expect(write?.text).toBe(SECRET);
    expect(Object.keys(write?.formats ?? {}).sort()).toEqual(
      ['org.nspasteboard.ConcealedType', 'org.nspasteboard.TransientType', MARKER_FORMAT].sort(),
    );
  });

  it('on Windows, excludes the copy from monitors, and from history and cloud sync with a DWORD 0', async () => {
    const { port, clipboard } = setUp('win32');
    await clipboard.copySecret(SECRET);
    const formats = port.writes[0]?.formats ?? {};
    expect(Object.keys(formats)).toContain('ExcludeClipboardContentFromMonitorProcessing');
    expect(hex(formats.CanIncludeInClipboardHistory)).toBe('00000000');
    expect(hex(formats.CanUploadToCloudClipboard)).toBe('00000000');
  });

  it('on Linux, gives KDE’s password manager hint "secret"', async () => {
    const { port, clipboard } = setUp('linux');
    await clipboard.copySecret(SECRET);
    const formats = port.writes[0]?.formats ?? {};
    expect(Buffer.from(formats['x-kde-passwordManagerHint'] ?? []).toString()).toBe('secret');
  });

  it('puts a fresh random 16-byte marker on every copy, never the secret', async () => {
    const { port, clipboard } = setUp();
    await clipboard.copySecret(SECRET);
    await clipboard.copySecret(SECRET);
    const [first, second] = port.writes.map((w) => hex(w.formats[MARKER_FORMAT]));
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain(Buffer.from(SECRET).toString('hex'));
  });

  it('says when it clears, from the vault setting, and clears after that many seconds', async () => {
    const { port, clipboard, timers, fire } = setUp();
    expect(await clipboard.copySecret(SECRET)).toEqual({ clearsInSeconds: 45, clearsWithoutFocus: true });
    expect(timers.map((t) => t.ms)).toEqual([45_000]);
    await fire(0);
    expect(port.clears()).toBe(1);
    expect(port.current().text).toBe('');
  });

  it('leaves the clipboard alone when something else was copied since (the marker no longer matches)', async () => {
    const { port, clipboard, fire } = setUp();
    await clipboard.copySecret(SECRET);
    port.userCopies('the user’s own text');
    await fire(0);
    await clipboard.clearNow();
    expect(port.clears()).toBe(0);
    expect(port.current().text).toBe('the user’s own text');
  });

  it('a second copy replaces the first one’s timer; clearNow (lock, quit) clears our copy at once, once', async () => {
    const { port, clipboard, timers } = setUp();
    await clipboard.copySecret(SECRET);
    await clipboard.copySecret(SECRET);
    expect(timers[0]?.cancelled).toBe(true);
    await clipboard.clearNow();
    expect(timers[1]?.cancelled).toBe(true);
    expect(port.clears()).toBe(1);
    await clipboard.clearNow();
    expect(port.clears()).toBe(1);
  });

  it('is CLIPBOARD_UNAVAILABLE when the OS clipboard cannot be written', async () => {
    const { port, clipboard } = setUp();
    port.breaks();
    await expect(clipboard.copySecret(SECRET)).rejects.toMatchObject({ code: 'CLIPBOARD_UNAVAILABLE' });
    await expect(clipboard.copyPlain('snippet')).rejects.toMatchObject({ code: 'CLIPBOARD_UNAVAILABLE' });
    await clipboard.clearNow();
  });
});

describe('copyPlain and clearIfHolds', () => {
  it('writes text that is not secret with no concealment and no clear', async () => {
    const { port, clipboard, timers } = setUp();
    await clipboard.copyPlain('const key = process.env.KEY;');
    expect(port.writes[0]).toEqual({ text: 'const key = process.env.KEY;', formats: {} });
    expect(timers).toEqual([]);
  });

  it('clears after an import only if the clipboard still holds what was read', async () => {
    const { port, clipboard } = setUp();
    port.userCopies(SECRET);
    const read = await clipboard.readText();
    port.userCopies('newer text');
    await clipboard.clearIfHolds(read);
    expect(port.current().text).toBe('newer text');
    port.userCopies(SECRET);
    await clipboard.clearIfHolds(read);
    expect(port.current().text).toBe('');
  });
});
