/**
 * The few desktop services the IPC handlers need, as a port: Electron's dialogs and window in the
 * app (electron-desktop-port.ts), an in-memory fake in the Chromium test bridge. The clipboard has
 * its own port (clipboard-port.ts).
 */
import type { CaptureDialog, ExportFormat } from '../../shared/domain';

export interface DesktopPort {
  /** Asks the user for captures to decrypt (files, a folder, or both where the OS allows); empty when they cancel. */
  chooseCaptures(dialog: CaptureDialog): Promise<string[]>;
  /** Asks the user where to save an export (the audit log, or decrypt results); null when they cancel. */
  chooseExportPath(suggestedName: string, what?: 'audit' | ExportFormat): Promise<string | null>;
  /** R16: asks where to save a backup (the native dialog confirms replacing a file); null when they cancel. */
  chooseBackupPath(suggestedName: string): Promise<string | null>;
  /** R16: asks for a backup file to restore; null when they cancel. */
  chooseBackupFile(): Promise<string | null>;
  /**
   * Keeps the window out of screenshots and screen sharing while a key is revealed (R14). A no-op
   * where the OS has no such protection (Linux).
   */
  setContentProtection(enabled: boolean): void;
  /** The native question before the first simulated payload of an unlock: true for Continue. */
  confirmSimulate(): Promise<boolean>;
}
