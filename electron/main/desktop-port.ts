/**
 * The few desktop services the IPC handlers need, as a port: Electron's clipboard and dialogs in
 * the app (electron-desktop-port.ts), an in-memory fake in the Chromium test bridge.
 */
import type { CaptureKind, ExportFormat } from '../../shared/domain';

export interface DesktopPort {
  /**
   * Puts text on the clipboard: a just-revealed key (never log it: it is key material), a payload
   * the app encrypted, or a receiver snippet.
   */
  writeClipboard(text: string): void;
  /** Asks the user for captures to decrypt (files, or a folder for 'folder'); empty when they cancel. */
  chooseCaptureFiles(kind?: CaptureKind): Promise<string[]>;
  /** Asks the user where to save an export (the audit log, or decrypt results); null when they cancel. */
  chooseExportPath(suggestedName: string, what?: 'audit' | ExportFormat): Promise<string | null>;
}
