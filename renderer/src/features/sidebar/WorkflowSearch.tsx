import { setWorkflowQuery } from '../../actions/workflow-actions';
import { useWorkflowStore } from '../../state/workflow-store';
import { SearchIcon } from '../../ui/icons';
import './Sidebar.css';

export function WorkflowSearch() {
  const query = useWorkflowStore((s) => s.query);
  return (
    <div className="sidebar-search" role="search">
      <SearchIcon />
      <input
        type="search"
        aria-label="Search workflows"
        placeholder="Search workflows"
        value={query}
        onChange={(event) => setWorkflowQuery(event.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
