/** The desktop port over Electron's native dialogs and the window. */
import {
  type BrowserWindow,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
  app,
  dialog,
} from 'electron';
import path from 'node:path';
import type { CaptureKind, ExportFormat } from '../../shared/domain';
import type { DesktopPort } from './desktop-port';

const OPEN_DIALOGS: Record<CaptureKind, Pick<OpenDialogOptions, 'title' | 'properties' | 'filters'>> = {
  files: {
    title: 'Open captured payloads',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Captured payloads', extensions: ['txt', 'json', 'b64', 'payload'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
  folder: { title: 'Open a folder of captured payloads', properties: ['openDirectory'] },
  ndjson: {
    title: 'Open NDJSON captures',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'NDJSON', extensions: ['ndjson', 'jsonl', 'json', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
  har: {
    title: 'Open HAR files',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'HTTP Archive', extensions: ['har', 'json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
};

const SAVE_FILTERS: Record<'audit' | ExportFormat, SaveDialogOptions['filters']> = {
  audit: [{ name: 'Audit log (JSON Lines)', extensions: ['jsonl'] }],
  ndjson: [{ name: 'Results (NDJSON)', extensions: ['ndjson'] }],
  json: [{ name: 'Results (JSON)', extensions: ['json'] }],
  csv: [{ name: 'Results (CSV)', extensions: ['csv'] }],
};

const BACKUP_FILTERS: SaveDialogOptions['filters'] = [
  { name: 'Vault backup', extensions: ['backup'] },
  { name: 'All files', extensions: ['*'] },
];

const SIMULATE_QUESTION: MessageBoxOptions = {
  type: 'warning',
  title: 'Simulate a payload',
  message: 'Payloads sealed here are accepted by your receiver.',
  detail:
    'They are sealed with the workflow’s active key, as secureFetch seals them. Send them only to a receiver you are testing. You are asked once each time the vault is unlocked.',
  buttons: ['Continue', 'Cancel'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
};

export function createElectronDesktopPort(currentWindow: () => BrowserWindow | null): DesktopPort {
  return {
    // Electron offers it on macOS and Windows only; on Linux the call does nothing (docs/security.md).
    setContentProtection: (enabled) => currentWindow()?.setContentProtection(enabled),

    confirmSimulate: async () => {
      const win = currentWindow();
      const answer = win ? await dialog.showMessageBox(win, SIMULATE_QUESTION) : await dialog.showMessageBox(SIMULATE_QUESTION);
      return answer.response === 0;
    },

    chooseCaptureFiles: async (kind = 'files') => {
      const options: OpenDialogOptions = { ...OPEN_DIALOGS[kind], buttonLabel: 'Open' };
      const win = currentWindow();
      const answer = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return answer.canceled ? [] : answer.filePaths;
    },

    chooseBackupPath: async (suggestedName) => {
      const options: SaveDialogOptions = {
        title: 'Back up vault',
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: BACKUP_FILTERS,
      };
      const win = currentWindow();
      const answer = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },

    chooseBackupFile: async () => {
      const options: OpenDialogOptions = { title: 'Restore a vault backup', properties: ['openFile'], filters: BACKUP_FILTERS };
      const win = currentWindow();
      const answer = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },

    chooseExportPath: async (suggestedName, what = 'audit') => {
      const options: SaveDialogOptions = {
        title: what === 'audit' ? 'Export audit log' : 'Export decrypt results',
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: SAVE_FILTERS[what],
      };
      const win = currentWindow();
      const answer = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
  };
}
