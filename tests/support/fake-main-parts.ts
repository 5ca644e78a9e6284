import type { DesktopPort } from '../../electron/main/desktop-port';
import type { HandlerDependencies } from '../../electron/main/ipc-handlers';
import { createRevealHandles } from '../../electron/main/reveal-handles';
import { createSecretClipboard } from '../../electron/main/secret-clipboard';
import { createSimulateConsent } from '../../electron/main/simulate-consent';
import { type RecordingClipboard, recordingClipboard } from './recording-clipboard';

/** The desktop as main's handlers see it, recording what they asked of it. */
export interface FakeDesktop extends DesktopPort {
  captureFiles: string[];
  exportPath: string | null;
  contentProtection: boolean[];
  simulateQuestions: number;
  simulateAnswer: boolean;
}

export function fakeDesktop(): FakeDesktop {
  const desktop: FakeDesktop = {
    captureFiles: [],
    exportPath: null,
    contentProtection: [],
    simulateQuestions: 0,
    simulateAnswer: true,
    chooseCaptures: async () => desktop.captureFiles,
    chooseExportPath: async () => desktop.exportPath,
    chooseBackupPath: async () => desktop.exportPath,
    chooseBackupFile: async () => desktop.captureFiles[0] ?? null,
    setContentProtection: (enabled) => void desktop.contentProtection.push(enabled),
    confirmSimulate: async () => {
      desktop.simulateQuestions += 1;
      return desktop.simulateAnswer;
    },
  };
  return desktop;
}

export type MainParts = Pick<HandlerDependencies, 'clipboard' | 'reveals' | 'simulate'>;

/** Main's reveal handles, clipboard (over a recording port, cleared by hand) and simulate question. */
export function fakeMainParts(desktop: FakeDesktop): { parts: MainParts; clipboardPort: RecordingClipboard } {
  const clipboardPort = recordingClipboard();
  return {
    clipboardPort,
    parts: {
      reveals: createRevealHandles({ onLiveChange: (on) => desktop.setContentProtection(on), schedule: () => undefined }),
      clipboard: createSecretClipboard({
        port: clipboardPort,
        platform: 'linux',
        clipboardSeconds: async () => 30,
        clearsWithoutFocus: true,
        schedule: () => () => undefined,
      }),
      simulate: createSimulateConsent(() => desktop.confirmSimulate()),
    },
  };
}
