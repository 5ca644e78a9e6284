import { setWorkflowQuery, toggleAttentionOnly } from '../../actions/workflow-actions';
import { needsAttention } from '../../lib/filter-workflows';
import { useWorkflowStore } from '../../state/workflow-store';
import { AlertIcon, SearchIcon } from '../../ui/icons';
import './Sidebar.css';

export function WorkflowSearch() {
  const query = useWorkflowStore((s) => s.query);
  const attentionOnly = useWorkflowStore((s) => s.attentionOnly);
  const attentionCount = useWorkflowStore((s) => s.workflows.filter(needsAttention).length);
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
      <button
        type="button"
        className="attention-filter"
        aria-pressed={attentionOnly}
        title="Workflows with no active key, rotation due or a deletion scheduled"
        onClick={toggleAttentionOnly}
      >
        <AlertIcon />
        Needs attention
        <span className="attention-count">{attentionCount.toLocaleString()}</span>
      </button>
    </div>
  );
}
