/**
 * The OS clipboard as main uses it, as a port: Electron's clipboard in the app
 * (electron-clipboard-port.ts), a recording fake in tests and the Chromium test bridge. Raw formats
 * are named as the OS names them (`org.nspasteboard.ConcealedType`, `CanIncludeInClipboardHistory`).
 */
export interface ClipboardContent {
  text: string;
  /** Raw OS formats written beside the text, by their OS name. */
  formats: Readonly<Record<string, Uint8Array>>;
}

export interface ClipboardPort {
  /** One write: the text and every raw format are committed to the OS clipboard together. */
  write(content: ClipboardContent): Promise<void>;
  /** The bytes of a raw OS format on the clipboard now; null when it holds none. */
  readFormat(format: string): Promise<Uint8Array | null>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}
