import { useEffect } from 'react';
import { startDroppedBatch } from '../../actions/batch-actions';
import { decryptDroppedFiles, openDecrypt, setDragging } from '../../actions/decrypt-actions';
import { useBatchStore } from '../../state/batch-store';
import { useDecryptStore } from '../../state/decrypt-store';
import { useNavigationStore } from '../../state/navigation-store';
import { UnlockIcon } from '../../ui/icons';
import './CaptureDropTarget.css';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/** A drop's files and folders, and whether a folder is among them (which only main can walk). */
function droppedItems(transfer: DataTransfer): { files: File[]; hasFolder: boolean } {
  const files: File[] = [];
  let hasFolder = false;
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== 'file') continue;
    const file = item.getAsFile();
    if (item.webkitGetAsEntry()?.isDirectory) hasFolder = true;
    if (file) files.push(file);
  }
  return { files, hasFolder };
}

/**
 * The whole window takes dropped captures: an overlay says so while files are dragged over it,
 * and a drop opens Decrypt (on the workflow's keys, as its button does) and decrypts them. While
 * a decrypt or a batch runs, a drop waits its turn: it is refused.
 */
export function CaptureDropTarget() {
  const dragging = useDecryptStore((s) => s.dragging);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; a count tells when the drag leaves the window.
    let depth = 0;
    const busy = () =>
      useDecryptStore.getState().running || ['starting', 'running', 'cancelling'].includes(useBatchStore.getState().phase);
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Accepting the drag is what lets the drop through (the window never navigates to a file).
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = busy() ? 'none' : 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!event.dataTransfer || !carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (busy()) return;
      const { files, hasFolder } = droppedItems(event.dataTransfer);
      if (useNavigationStore.getState().screen !== 'decrypt') openDecrypt();
      void (hasFolder ? startDroppedBatch(files) : decryptDroppedFiles(files));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  if (!dragging) return null;
  return (
    <div className="drop-overlay" role="status">
      <div className="drop-overlay-card">
        <UnlockIcon />
        <span className="drop-overlay-title">Drop captures to decrypt</span>
        <span className="drop-overlay-hint">Capture files, NDJSON or HAR recordings. Nothing leaves this computer.</span>
      </div>
    </div>
  );
}
