import { MENU_SHORTCUTS, PAGE_SHORTCUTS, formatAccelerator } from '../../../../shared/shortcuts';
import { InfoDialog } from './InfoDialog';
import './ShortcutsDialog.css';

const isMac = /Mac/.test(navigator.userAgent);

/** Help → Keyboard shortcuts: the very table the native menu is built from, so the list cannot drift. */
export function ShortcutsDialog({ returnFocusId }: { returnFocusId: string | null }) {
  const rows = [
    ...Object.values(MENU_SHORTCUTS).map(({ label, accelerator }) => ({ label, keys: formatAccelerator(accelerator, isMac) })),
    ...PAGE_SHORTCUTS,
  ];
  return (
    <InfoDialog
      title="Keyboard shortcuts"
      description="The menu’s commands and the keys the window answers."
      returnFocusId={returnFocusId}
    >
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Command</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ label, keys }) => (
            <tr key={`${label}:${keys}`}>
              <td>{label}</td>
              <td>
                <kbd>{keys}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </InfoDialog>
  );
}
