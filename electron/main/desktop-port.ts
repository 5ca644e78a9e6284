/**
 * The few desktop services the IPC handlers need, as a port: Electron's clipboard and dialogs in
 * the app (electron-desktop-port.ts), an in-memory fake in the Chromium test bridge.
 */
export interface DesktopPort {
  /** Puts a just-revealed key on the clipboard. Never log the text: it is key material. */
  writeClipboard(text: string): void;
  /** Asks the user for capture files to decrypt; an empty list when they cancel. */
  chooseCaptureFiles(): Promise<string[]>;
  /** Asks the user where to save the audit export; null when they cancel. */
  chooseExportPath(suggestedName: string): Promise<string | null>;
}
