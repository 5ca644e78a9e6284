import type { AuditAction, AuditEntry, AuditVerification } from '../../../shared/domain';

export interface AuditFilter {
  /** A workflow id; '' for every workflow. */
  workflowId: string;
  /** An action; '' for every action. */
  action: AuditAction | '';
  /** Local calendar days as the date inputs give them (YYYY-MM-DD), both included; '' for no bound. */
  from: string;
  to: string;
}

export const NO_AUDIT_FILTER: AuditFilter = { workflowId: '', action: '', from: '', to: '' };

export function isFiltered(filter: AuditFilter): boolean {
  return filter.workflowId !== '' || filter.action !== '' || filter.from !== '' || filter.to !== '';
}

/** Midnight of a local calendar day, in ms; `nextDay` gives the midnight after it. */
function localMidnight(day: string, nextDay = false): number {
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined) return Number.NaN;
  return new Date(year, month - 1, date + (nextDay ? 1 : 0)).getTime();
}

export function filterAudit(entries: readonly AuditEntry[], filter: AuditFilter): readonly AuditEntry[] {
  if (!isFiltered(filter)) return entries;
  const from = filter.from === '' ? -Infinity : localMidnight(filter.from);
  const to = filter.to === '' ? Infinity : localMidnight(filter.to, true);
  return entries.filter((e) => {
    if (filter.workflowId !== '' && e.workflowId !== filter.workflowId) return false;
    if (filter.action !== '' && e.action !== filter.action) return false;
    const time = Date.parse(e.time);
    return !(time < from || time >= to);
  });
}

/** The workflows and actions the log holds, for the filters' choices. */
export function auditChoices(entries: readonly AuditEntry[]): { workflowIds: string[]; actions: AuditAction[] } {
  const workflowIds = new Set<string>();
  const actions = new Set<AuditAction>();
  for (const e of entries) {
    if (e.workflowId !== null) workflowIds.add(e.workflowId);
    actions.add(e.action);
  }
  return { workflowIds: [...workflowIds].sort(), actions: [...actions] };
}

export interface ChainBreak {
  /** The entry the table marks. */
  seq: number;
  /** What the break means, in a sentence a person can act on. */
  sentence: string;
}

const CHANGED_HERE =
  'The chain breaks here: this entry or one before it was changed outside Workflow Key Custody, or entries were removed.';
const REMOVED_AFTER =
  'The chain breaks after this entry: the entries that followed it were removed outside Workflow Key Custody.';

/**
 * Where the table marks a failed verification: the first bad entry (`firstBadSeq`); when that entry
 * is missing, the one found in its place; when entries were cut off the end, the last one left.
 */
export function chainBreak(entries: readonly AuditEntry[], verification: AuditVerification | null): ChainBreak | null {
  const bad = verification?.ok === false ? verification.firstBadSeq : null;
  if (bad === null || bad === undefined) return null;
  if (entries.some((e) => e.seq === bad)) return { seq: bad, sentence: CHANGED_HERE };
  const seqs = entries.map((e) => e.seq);
  const inItsPlace = seqs.reduce((min, seq) => (seq > bad && seq < min ? seq : min), Infinity);
  if (inItsPlace !== Infinity) return { seq: inItsPlace, sentence: CHANGED_HERE };
  const last = seqs.reduce((max, seq) => Math.max(max, seq), -Infinity);
  return last === -Infinity ? null : { seq: last, sentence: REMOVED_AFTER };
}
