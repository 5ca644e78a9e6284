import * as Menu from '@radix-ui/react-dropdown-menu';
import { type ExportFormat } from '../../../../shared/domain';
import { askPlaintextExport, exportBatch } from '../../actions/batch-actions';
import { useBatchStore } from '../../state/batch-store';
import { ChevronDownIcon, DownloadIcon } from '../../ui/icons';
import { Spinner } from '../../ui/Spinner';
import '../../ui/menu.css';

export const EXPORT_FORMATS: ReadonlyArray<{ format: ExportFormat; label: string; description: string }> = [
  { format: 'ndjson', label: 'NDJSON', description: 'One result per line' },
  { format: 'json', label: 'JSON', description: 'One array of results' },
  { format: 'csv', label: 'CSV', description: 'For a spreadsheet' },
];

/**
 * Export through the save dialog in main, which writes what it kept of the batch: without the
 * decrypted bodies, or with them after their own question (ExportPlaintextDialog), asked before
 * the save dialog and before anything is written.
 * Non-modal menu: a modal Radix menu injects a scroll-lock <style> element, which the CSP refuses.
 */
export function BatchExport() {
  const exporting = useBatchStore((s) => s.exporting);
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>
        <button type="button" className="button" disabled={exporting}>
          {exporting ? <Spinner /> : <DownloadIcon />}
          Export
          <ChevronDownIcon />
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" align="end" sideOffset={4}>
          {EXPORT_FORMATS.map(({ format, label, description }) => (
            <Menu.Item
              key={format}
              className="menu-item"
              aria-labelledby={`export-${format}-label`}
              aria-describedby={`export-${format}-description`}
              onSelect={() => void exportBatch(format)}
            >
              <span className="menu-item-label" id={`export-${format}-label`}>
                {label}
              </span>
              <span className="menu-item-description" id={`export-${format}-description`}>
                {description}, without decrypted bodies
              </span>
            </Menu.Item>
          ))}
          <Menu.Separator className="menu-separator" />
          <Menu.Item
            className="menu-item menu-item-danger"
            aria-labelledby="export-plaintext-label"
            aria-describedby="export-plaintext-description"
            onSelect={askPlaintextExport}
          >
            <span className="menu-item-label" id="export-plaintext-label">
              With decrypted bodies…
            </span>
            <span className="menu-item-description" id="export-plaintext-description">
              The file will hold secrets in plain text
            </span>
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
