import * as Menu from '@radix-ui/react-dropdown-menu';
import type { ExportFormat } from '../../../../shared/domain';
import { exportBatch, setIncludePlaintext } from '../../actions/batch-actions';
import { useBatchStore } from '../../state/batch-store';
import { ChevronDownIcon, DownloadIcon } from '../../ui/icons';
import { Spinner } from '../../ui/Spinner';
import '../../ui/menu.css';
import './BatchExport.css';

export const PLAINTEXT_WARNING_ID = 'export-plaintext-warning';

const FORMATS: ReadonlyArray<{ format: ExportFormat; label: string; description: string }> = [
  { format: 'ndjson', label: 'NDJSON', description: 'One result per line' },
  { format: 'json', label: 'JSON', description: 'One array of results' },
  { format: 'csv', label: 'CSV', description: 'For a spreadsheet' },
];

/**
 * Export through the save dialog in main, which writes what it kept of the batch. Plaintext goes
 * into the file only when asked; the warning (PlaintextWarning) shows while it is.
 * Non-modal menu: a modal Radix menu injects a scroll-lock <style> element, which the CSP refuses.
 */
export function BatchExport() {
  const includePlaintext = useBatchStore((s) => s.includePlaintext);
  const exporting = useBatchStore((s) => s.exporting);
  return (
    <>
      <label className="checkbox-row">
        <input
          type="checkbox"
          checked={includePlaintext}
          onChange={(event) => setIncludePlaintext(event.target.checked)}
          aria-describedby={includePlaintext ? PLAINTEXT_WARNING_ID : undefined}
        />
        Include plaintext
      </label>
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
            {FORMATS.map(({ format, label, description }) => (
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
                  {description}
                </span>
              </Menu.Item>
            ))}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    </>
  );
}
