import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { selectWorkflow } from '../../actions/workflow-actions';
import { filterWorkflows } from '../../lib/filter-workflows';
import { plural } from '../../lib/format';
import { useNavigationStore } from '../../state/navigation-store';
import { useWorkflowStore } from '../../state/workflow-store';
import { WorkflowBadges } from '../../ui/badges';
import { Loading } from '../../ui/Spinner';
import { rowsInView, useRowVirtualizer } from '../../ui/useRowVirtualizer';
import './Sidebar.css';
import './WorkflowList.css';

const ROW_HEIGHT = 62;

const STEP: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (i, n) => Math.min(i + 1, n - 1),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_, n) => n - 1,
  PageDown: (i, n) => Math.min(i + 10, n - 1),
  PageUp: (i) => Math.max(i - 10, 0),
};

function filterStatus(count: number, query: string, attentionOnly: boolean): string {
  const text = query.trim();
  if (text === '' && !attentionOnly) return '';
  const matching = text === '' ? '' : ` match “${text}”`;
  const attention = attentionOnly ? `${matching === '' ? '' : ' and'} need attention` : '';
  return `${plural(count, 'workflow')}${matching}${attention}`;
}

function emptyText(query: string, attentionOnly: boolean): string {
  const text = query.trim();
  if (text === '') return 'No workflow needs attention.';
  return `No workflow${attentionOnly ? ' needing attention' : ''} matches “${text}”.`;
}

/**
 * Virtualised (a thousand workflows stay cheap): only the rows in view exist. One tab stop; the
 * arrow keys, Home, End and Page keys move through the list, Enter opens a workflow.
 */
export function WorkflowList() {
  const workflows = useWorkflowStore((s) => s.workflows);
  const loaded = useWorkflowStore((s) => s.workflowsLoaded);
  const query = useWorkflowStore((s) => s.query);
  const attentionOnly = useWorkflowStore((s) => s.attentionOnly);
  const selectedId = useWorkflowStore((s) => s.selectedWorkflowId);
  const onWorkflowScreen = useNavigationStore((s) => s.screen === 'workflow');
  const visible = useMemo(() => filterWorkflows(workflows, query, attentionOnly), [workflows, query, attentionOnly]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  // A key pressed before the previous one's focus has landed moves on from where focus is going.
  const pendingFocus = useRef<number | null>(null);

  const virtualizer = useRowVirtualizer(visible.length, scrollRef, ROW_HEIGHT);

  const selectedIndex = visible.findIndex((w) => w.id === selectedId);
  // The row that takes Tab: the last one focused, else the open workflow, else the first.
  const tabStop = focusIndex !== null && focusIndex < visible.length ? focusIndex : Math.max(selectedIndex, 0);

  const focusRow = (index: number) => {
    pendingFocus.current = index;
    setFocusIndex(index);
    virtualizer.scrollToIndex(index);
    // The row may only exist after the scroll has rendered it.
    requestAnimationFrame(() => {
      listRef.current?.querySelector<HTMLButtonElement>(`[data-index="${index}"] button`)?.focus();
      if (pendingFocus.current === index) pendingFocus.current = null;
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const step = STEP[event.key];
    if (!step || visible.length === 0) return;
    event.preventDefault();
    const current = pendingFocus.current ?? Number((event.target as HTMLElement).closest('li')?.dataset.index ?? tabStop);
    focusRow(step(current, visible.length));
  };

  if (!loaded) return <Loading label="Loading workflows…" />;
  if (workflows.length === 0) return <p className="sidebar-empty">No workflows yet. Add one with its Kinde workflow id.</p>;

  return (
    <div className="workflow-list" ref={scrollRef}>
      <span className="visually-hidden" role="status">
        {filterStatus(visible.length, query, attentionOnly)}
      </span>
      {visible.length === 0 ? (
        <p className="sidebar-empty">{emptyText(query, attentionOnly)}</p>
      ) : (
        <ul
          aria-labelledby="workflows-heading"
          ref={listRef}
          onKeyDown={onKeyDown}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {rowsInView(virtualizer, visible).map(({ row, item: workflow }) => {
            const current = onWorkflowScreen && workflow.id === selectedId;
            return (
              <li
                key={workflow.id}
                data-index={row.index}
                aria-setsize={visible.length}
                aria-posinset={row.index + 1}
                style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              >
                <button
                  type="button"
                  className="workflow-item"
                  aria-current={current ? 'page' : undefined}
                  tabIndex={row.index === tabStop ? 0 : -1}
                  onFocus={() => setFocusIndex(row.index)}
                  onClick={() => selectWorkflow(workflow.id)}
                >
                  <span className="workflow-item-name">{workflow.name || workflow.id}</span>
                  <span className="workflow-item-meta">
                    <span className="mono">{workflow.id}</span>
                    <WorkflowBadges workflow={workflow} />
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
