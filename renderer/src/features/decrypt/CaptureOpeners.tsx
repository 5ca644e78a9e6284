import type { ReactNode } from 'react';
import type { CaptureDialog } from '../../../../shared/domain';
import { chooseCaptures } from '../../actions/batch-actions';
import { opensFilesAndFoldersTogether } from '../../lib/platform';
import { useBatchStore } from '../../state/batch-store';
import { useDecryptStore } from '../../state/decrypt-store';
import { FileIcon, FolderIcon } from '../../ui/icons';
import { useBatchBusy } from './useBatchBusy';

const OPENERS: ReadonlyArray<{ dialog: CaptureDialog; label: string; icon: ReactNode }> = opensFilesAndFoldersTogether()
  ? [{ dialog: 'any', label: 'Open…', icon: <FileIcon /> }]
  : [
      { dialog: 'files', label: 'Open files…', icon: <FileIcon /> },
      { dialog: 'folder', label: 'Open folder…', icon: <FolderIcon /> },
    ];

/**
 * Open captures: main shows the OS dialog, keeps the paths, and reads each file as what its
 * content is (a capture, NDJSON lines, a HAR recording); folders are walked.
 */
export function CaptureOpeners() {
  const choosing = useBatchStore((s) => s.choosing);
  const decrypting = useDecryptStore((s) => s.running);
  const busy = useBatchBusy() || decrypting;
  return (
    <>
      {OPENERS.map(({ dialog, label, icon }, index) => (
        <button
          key={dialog}
          type="button"
          className={index === 0 ? 'button button-primary' : 'button'}
          onClick={() => void chooseCaptures(dialog)}
          disabled={choosing || busy}
        >
          {icon}
          {label}
        </button>
      ))}
    </>
  );
}
