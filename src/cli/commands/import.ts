// quantriet import FILE [--json] — reads a plan (.docx, .txt, .md) and prints it structured.
// --json: the whole JSON contract of IMPORT.md (diagnostics inside) on stdout. Without it: a
// readable Vietnamese summary on stdout and the diagnostics on stderr.
// Exit codes: 0 parsed (warnings allowed), 1 parsed with errors, 2 the file could not be read.

import type { Due, ImportedPlan } from '../../domain/plan-import';
import { analysePlanArgument, exitCodeOf, formatDiagnostic } from '../plan-file';

export const summary = 'Nhập một kế hoạch (.docx, .txt, .md) và in ra dạng có cấu trúc (--json: toàn bộ JSON)';

const USAGE = 'Cách dùng: quantriet import TỆP [--json]';

const isoToWritten = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
};

function describeDue(due: Due | null): string {
  if (!due) return 'không có thời hạn';
  switch (due.kind) {
    case 'before':
      return `${due.phrase} (hạn ${isoToWritten(due.date)})`;
    case 'on':
      return `${due.phrase} (ngày ${isoToWritten(due.date)})`;
    case 'ongoing':
      return `${due.phrase} (thường xuyên)`;
    case 'after-event':
      return `${due.phrase} (sau sự kiện)`;
    default:
      return `${due.phrase} (${isoToWritten(due.from)} – ${isoToWritten(due.to)})`;
  }
}

/** The plan as a short Vietnamese report for a terminal. */
export function describePlan(plan: ImportedPlan): string {
  const out: string[] = [];
  out.push(`Kế hoạch: ${plan.title ?? '(không tìm thấy tên kế hoạch)'}`);
  if (plan.header?.number) out.push(`Số: ${plan.header.number}${plan.header.date ? `, ngày ${isoToWritten(plan.header.date)}` : ''}`);
  for (const r of plan.resolutions) {
    const date = r.issuedOn ? ` ngày ${isoToWritten(r.issuedOn)}` : '';
    out.push(`Nghị quyết số ${r.number}${date}${r.issuer ? ` của ${r.issuer}` : ''}${r.subject ? ` về ${r.subject}` : ''}`);
  }
  out.push(`Các mục: ${plan.sections.map((s) => `${s.number}. ${s.title}`).join('; ') || '(không có)'}`);
  if (plan.conferences.length > 0) {
    out.push('Hội nghị:');
    for (const c of plan.conferences) {
      const parts = [c.level === 'ward' ? 'Cấp phường/xã' : 'Cấp cơ sở', describeDue(c.when)];
      if (c.venue) parts.push(`địa điểm: ${c.venue}`);
      if (c.reporter) parts.push(`báo cáo viên: ${c.reporter}`);
      out.push(`  - ${parts.join('; ')}`);
    }
  }
  out.push(`Nhiệm vụ (${plan.tasks.length}):`);
  for (const t of plan.tasks) out.push(`  - [${t.assignee}] dòng ${t.line}: ${describeDue(t.due)}`);
  if (plan.selfAssessment) {
    const groups = plan.selfAssessment.criteriaGroups;
    out.push(`Tự đánh giá: Quy định số ${plan.selfAssessment.regulation}${groups ? `, ${groups} nhóm tiêu chí` : ''}`);
  }
  out.push(`Nơi nhận (${plan.recipients.length}): ${plan.recipients.join('; ')}`);
  const s = plan.signature;
  out.push(`Ký: ${s ? [s.onBehalfOf, s.signingFor, s.position, s.name].filter(Boolean).join(' / ') : '(không có)'}`);
  const count = (severity: string): number => plan.diagnostics.filter((d) => d.severity === severity).length;
  out.push(`Kiểm tra: ${count('error')} lỗi, ${count('warning')} cảnh báo, ${count('info')} lưu ý`);
  return out.join('\n');
}

export async function run(args: string[]): Promise<number> {
  const result = await analysePlanArgument(args, { usage: USAGE, summary, json: true });
  if ('exitCode' in result) return result.exitCode;
  const { plan, json } = result;
  if (json) {
    process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
  } else {
    process.stdout.write(`${describePlan(plan)}\n`);
    if (plan.diagnostics.length > 0) process.stderr.write(`${plan.diagnostics.map(formatDiagnostic).join('\n')}\n`);
  }
  return exitCodeOf(plan);
}
