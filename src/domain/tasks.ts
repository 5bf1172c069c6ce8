// A plan's tasks (section IV) as tracked work: whom each is given to, which real work it follows, the
// roll-up of a task given to a group of units, and the warnings on a deadline. Pure.
import type { Due, ImportedTask } from './plan-import/types';
import { isCollectiveCellsLine, matchRecipient } from './recipients';

export type TaskStatus = 'not-started' | 'in-progress' | 'done';
export type TaskFollows = 'study-session' | 'cell-report';

/** Whom a task's assignee phrase names: one unit, the group of cells, or nothing we know (kept as written). */
export type AssigneeTarget = { unitId: string } | { group: 'cells' } | null;

/** "Ban xây dựng Đảng" → that unit; "Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc" → every cell; else null. */
export function resolveAssignee(phrase: string, units: readonly { id: string; name: string }[]): AssigneeTarget {
  if (isCollectiveCellsLine(phrase)) return { group: 'cells' };
  return matchRecipient(phrase, [...units]);
}

/** The cells' report of the results ("Tổng hợp, báo cáo kết quả …"). */
const REPORT = /báo\s+cáo\s+kết\s+quả|tổng\s+hợp[,\s]+báo\s+cáo/iu;
/** Organising the study at the grassroots ("tổ chức … học tập", "quán triệt"). */
const STUDY = /(?:tổ\s+chức[^.;]*(?:học\s+tập|quán\s+triệt))|quán\s+triệt|học\s+tập/iu;

/**
 * The real work a cells' task follows, so it is done when that work is: organising the study → the
 * cell's study session; "Tổng hợp, báo cáo kết quả" → the cell's report. Only tasks of cells follow.
 */
export function taskFollows(task: Pick<ImportedTask, 'assignee' | 'text'>, assigneeIsCell = false): TaskFollows | null {
  if (!assigneeIsCell && !isCollectiveCellsLine(task.assignee)) return null;
  if (REPORT.test(task.text)) return 'cell-report';
  if (STUDY.test(task.text)) return 'study-session';
  return null;
}

export interface RollUp {
  done: number;
  total: number;
  overdue: number;
  status: TaskStatus;
}

/** A group task's line ("32/41 xong, 5 quá hạn") and its status: done when every unit's is, started when one is. */
export function rollUp(children: readonly { status: TaskStatus; overdue: boolean }[]): RollUp {
  const done = children.filter((c) => c.status === 'done').length;
  const overdue = children.filter((c) => c.overdue).length;
  const total = children.length;
  const status: TaskStatus =
    total > 0 && done === total ? 'done' : children.some((c) => c.status !== 'not-started') ? 'in-progress' : 'not-started';
  return { done, total, overdue, status };
}

/** "32/41 xong, 5 quá hạn". */
export function rollUpText({ done, total, overdue }: Pick<RollUp, 'done' | 'total' | 'overdue'>): string {
  return overdue > 0 ? `${done}/${total} xong, ${overdue} quá hạn` : `${done}/${total} xong`;
}

/** The last day a deadline allows, or null for an open-ended one. */
export function dueLastDay(due: Due | null): string | null {
  if (!due) return null;
  if ('date' in due) return due.date;
  return 'to' in due ? due.to : null;
}

const written = (iso: string) => iso.split('-').reverse().join('/');

/** The linter's warning on a deadline ending before the resolution the plan implements was issued. */
export function dueWarnings(due: Due | null, resolution: { number: string; issuedOn: string | null } | null): string[] {
  const last = dueLastDay(due);
  if (!due || !last || !resolution?.issuedOn || last >= resolution.issuedOn) return [];
  return [`Thời hạn “${due.phrase}” kết thúc trước ngày ban hành Nghị quyết số ${resolution.number} (${written(resolution.issuedOn)}).`];
}
