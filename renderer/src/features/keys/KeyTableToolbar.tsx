import { setKeyQuery } from '../../actions/key-table-actions';
import { KEY_STATUS_FILTERS, type KeyStatusFilter } from '../../lib/key-table-view';
import { plural } from '../../lib/format';
import { useWorkflowStore } from '../../state/workflow-store';
import { SearchIcon } from '../../ui/icons';

/** The key count, and the filters over label, fingerprint and status. */
export function KeyTableToolbar({ shown, total }: { shown: number; total: number }) {
  const text = useWorkflowStore((s) => s.keyQuery.text);
  const status = useWorkflowStore((s) => s.keyQuery.status);
  const filtered = text.trim() !== '' || status !== 'all';
  return (
    <div className="key-table-toolbar" role="search" aria-label="Filter keys">
      <span className="key-count" role="status">
        {filtered ? `${shown.toLocaleString()} of ${plural(total, 'key')}` : plural(total, 'key')}
      </span>
      <div className="key-filter">
        <SearchIcon />
        <input
          type="search"
          aria-label="Filter keys by label or fingerprint"
          placeholder="Filter by label or fingerprint"
          value={text}
          onChange={(event) => setKeyQuery({ text: event.target.value })}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <select
        className="key-status-filter"
        aria-label="Filter keys by status"
        value={status}
        onChange={(event) => setKeyQuery({ status: event.target.value as KeyStatusFilter })}
      >
        {Object.entries(KEY_STATUS_FILTERS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
