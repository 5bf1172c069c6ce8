// Rules on dates: a date that does not exist; a deadline before the resolution was issued; a report
// due before the work it reports on can be finished.

import { scanDates } from '../../due-date';
import type { Block } from '../blocks';
import type { Due, Diagnostic, ImportedResolution } from '../types';
import { diagnostic, diagnosticInBlock, type LintContext, type Rule, writtenDate } from './context';

export const invalidDate: Rule = (context) => {
  const found: Diagnostic[] = [];
  for (const line of context.doc.lines) {
    if (line.blank || !/\d/u.test(line.text)) continue;
    for (const token of scanDates(line.text)) {
      if (token.error) found.push(diagnostic('invalid-date', line.number, context.doc.columnAt(line, token.index), token.error));
    }
  }
  // Errors the calendar scan cannot see, such as a range that ends before it starts.
  for (const draft of [...context.tasks, ...context.conferences]) {
    const error = draft.dueError;
    if (error) found.push(diagnosticInBlock(context, 'invalid-date', error.block, error.index, error.message));
  }
  return found;
};

/** Last day a due allows, or null for open-ended dues. */
export function dueEnd(due: Due | null): string | null {
  if (!due) return null;
  if ('date' in due) return due.date;
  return 'to' in due ? due.to : null;
}

/** The resolution the plan implements: the one named in the title, else the first dated one. */
export function mainResolution(context: LintContext): ImportedResolution | null {
  const inTitle = context.mentions.find((m) => m.inTitle);
  const byNumber = inTitle && context.resolutions.find((r) => r.number === inTitle.number && r.issuedOn);
  return byNumber ?? context.resolutions.find((r) => r.issuedOn) ?? null;
}

interface DatedItem {
  due: Due;
  end: string;
  at: { block: Block; index: number };
  line: number;
  isReport: boolean;
  isStudyWork: boolean;
}

/** Work a study report reports on: the conferences and the tasks about studying the resolution. */
const STUDY_WORK = /học\s+tập|quán\s+triệt|phổ\s+biến|hội\s+nghị/iu;
const REPORT = /báo\s+cáo\s+(?:kết\s+quả|tình\s+hình|sơ\s+kết|tổng\s+kết|việc|về)|tổng\s+hợp[,\s]+báo\s+cáo|(?:sơ|tổng)\s+kết\s+(?:việc|\d)/iu;

function datedItems(context: LintContext): DatedItem[] {
  const items: DatedItem[] = [];
  for (const draft of context.tasks) {
    const end = dueEnd(draft.task.due);
    if (end && draft.dueAt) {
      const isReport = REPORT.test(draft.task.text);
      items.push({ due: draft.task.due!, end, at: draft.dueAt, line: draft.task.line, isReport, isStudyWork: !isReport && STUDY_WORK.test(draft.task.text) });
    }
  }
  for (const draft of context.conferences) {
    const end = dueEnd(draft.conference.when);
    if (end && draft.dueAt) {
      items.push({ due: draft.conference.when!, end, at: draft.dueAt, line: draft.dueAt.block.parts[0].line.number, isReport: false, isStudyWork: true });
    }
  }
  return items;
}

export const deadlineBeforeIssue: Rule = (context) => {
  const resolution = mainResolution(context);
  if (!resolution?.issuedOn) return [];
  const issuedOn = resolution.issuedOn;
  return datedItems(context)
    .filter((item) => item.end < issuedOn)
    .map((item) =>
      diagnosticInBlock(
        context,
        'deadline-before-issue',
        item.at.block,
        item.at.index,
        `Thời hạn “${item.due.phrase}” kết thúc trước ngày ban hành Nghị quyết số ${resolution.number} (${writtenDate(issuedOn)}).`,
      ),
    );
};

export const deadlineOrder: Rule = (context) => {
  const items = datedItems(context);
  const work = items.filter((i) => i.isStudyWork);
  if (work.length === 0) return [];
  const latest = work.reduce((a, b) => (b.end > a.end ? b : a));
  return items
    .filter((report) => report.isReport && report.end < latest.end)
    .map((report) =>
      diagnosticInBlock(
        context,
        'deadline-order',
        report.at.block,
        report.at.index,
        `Hạn báo cáo “${report.due.phrase}” (${writtenDate(report.end)}) sớm hơn hạn hoàn thành công việc được báo cáo “${latest.due.phrase}” ở dòng ${latest.line} (${writtenDate(latest.end)}).`,
      ),
    );
};
