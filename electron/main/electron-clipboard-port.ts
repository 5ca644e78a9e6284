/**
 * The clipboard port over Electron 45's clipboard: one `clipboard.write` of one ClipboardItem that
 * holds the text and the raw OS formats, named through Electron's
 * `electron application/osclipboard;format="…"` custom format, so all are committed together.
 */
import { ClipboardItem, clipboard } from 'electron';
import type { ClipboardPort } from './clipboard-port';

function osFormat(format: string): string {
  return `electron application/osclipboard;format="${format}"`;
}

export function createElectronClipboardPort(): ClipboardPort {
  return {
    // Key material: written, never logged.
    write: ({ text, formats }) =>
      clipboard.write([
        new ClipboardItem({
          'text/plain': text,
          ...Object.fromEntries(
            Object.entries(formats).map(([format, bytes]) => [osFormat(format), new Blob([Buffer.from(bytes)])]),
          ),
        }),
      ]),
    readFormat: async (format) => {
      const type = osFormat(format);
      if (!(await clipboard.has(type))) return null;
      for (const item of await clipboard.read()) {
        if (!item.types.includes(type)) continue;
        const blob = await item.getType(type);
        if (blob instanceof Blob) return new Uint8Array(await blob.arrayBuffer());
      }
      return null;
    },
    readText: () => clipboard.readText(),
    clear: async () => clipboard.clear(),
  };
}
