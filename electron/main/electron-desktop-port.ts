/** The desktop port over Electron's clipboard and native dialogs. */
import { type BrowserWindow, type OpenDialogOptions, app, clipboard, dialog } from 'electron';
import path from 'node:path';
import type { DesktopPort } from './desktop-port';

export function createElectronDesktopPort(currentWindow: () => BrowserWindow | null): DesktopPort {
  return {
    // Key material: written, never logged.
    writeClipboard: (text) => clipboard.writeText(text),

    chooseCaptureFiles: async () => {
      const options: OpenDialogOptions = {
        title: 'Open captured payloads',
        buttonLabel: 'Open',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Captured payloads', extensions: ['txt', 'json', 'b64', 'payload'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const win = currentWindow();
      const answer = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return answer.canceled ? [] : answer.filePaths;
    },

    chooseExportPath: async (suggestedName) => {
      const options = {
        title: 'Export audit log',
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'Audit log (JSON Lines)', extensions: ['jsonl'] }],
      };
      const win = currentWindow();
      const answer = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
  };
}
