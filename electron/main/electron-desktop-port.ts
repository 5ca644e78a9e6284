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
import type { CaptureDialog, ExportFormat } from '../../shared/domain';
import type { DesktopPort } from './desktop-port';

/** Content decides how a file is read (capture-sources.ts), so the filters only suggest. */
const CAPTURE_FILTERS: OpenDialogOptions['filters'] = [
  { name: 'Captures (payloads, NDJSON, HAR)', extensions: ['txt', 'json', 'b64', 'payload', 'ndjson', 'jsonl', 'har'] },
  { name: 'All files', extensions: ['*'] },
];

const OPEN_DIALOGS: Record<CaptureDialog, Pick<OpenDialogOptions, 'title' | 'properties' | 'filters'>> = {
  // macOS only: elsewhere a dialog cannot take both, and the page offers files and folder apart.
  any: {
    title: 'Open captures',
    properties: ['openFile', 'openDirectory', 'multiSelections'],
    filters: CAPTURE_FILTERS,
  },
  files: { title: 'Open capture files', properties: ['openFile', 'multiSelections'], filters: CAPTURE_FILTERS },
  folder: { title: 'Open a folder of captures', properties: ['openDirectory', 'multiSelections'] },
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

    chooseCaptures: async (requested) => {
      const kind = requested === 'any' && process.platform !== 'darwin' ? 'files' : requested;
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
