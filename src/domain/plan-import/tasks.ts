// Section IV (TỔ CHỨC THỰC HIỆN): each unit heading is an assignee; every bullet or paragraph under
// it that states work is one task. A paragraph that only continues the previous one was already
// joined to it by the outline; a deadline sentence of its own ("Hoàn thành trong tháng 5/2026.")
// ends the task before it. The task text is kept as written, deadline sentence included.

import { chooseDue, type DueFound, findDues } from '../due-date';
import { type Block, sliceBlock } from './blocks';
import type { LocatedDue } from './conferences';
import type { OutlineNode } from './outline';
import { foldKey, stripTrailing } from './text';
import type { ImportedTask } from './types';

export interface TaskDraft {
  task: ImportedTask;
  blocks: Block[];
  /** Where the assignee is written: the heading line, or the line of an inline "Đơn vị: …". */
  assigneeAt: { line: number; index: number; lineText: string };
  dueAt: LocatedDue | null;
  dueError: (LocatedDue & { message: string }) | null;
}

const DEADLINE_SENTENCE = /^(?:hoàn\s+thành|thời\s+(?:gian|hạn))/iu;
const UNIT_START =
  /^(?:Ban|Văn phòng|Ủy ban|Uỷ ban|UBND|Hội|Đoàn|Công an|Các|Chi bộ|Đảng bộ|Mặt trận|MTTQ|Trung tâm|Trường|Phòng|Quân sự|Thường trực|Đảng ủy|Đảng uỷ|Cấp ủy|Cấp uỷ|Bí thư|Tổ|Đề nghị)(?=\s|$)/u;

/** The section that assigns the work: titled "TỔ CHỨC THỰC HIỆN", else section IV. */
export function tasksSection(sections: OutlineNode[]): OutlineNode | null {
  return sections.find((s) => /to chuc thuc hien/u.test(foldKey(s.title))) ?? sections.find((s) => s.number === 'IV') ?? null;
}

/** "Đề nghị Ủy ban Mặt trận Tổ quốc phường:" → "Ủy ban Mặt trận Tổ quốc phường". */
export function assigneeName(title: string): string {
  return stripTrailing(title.replace(/^Đề\s+nghị\s+/u, ''));
}

/** True for a short head that names a unit ("Ban xây dựng Đảng", "UBND phường"). */
export function looksLikeUnit(head: string, knownUnits: Set<string>): boolean {
  return knownUnits.has(foldKey(head)) || (UNIT_START.test(head) && head.split(/\s+/u).length <= 14);
}

function isDeadlineSentence(block: Block): boolean {
  if (!DEADLINE_SENTENCE.test(block.text) || block.text.length > 160) return false;
  return findDues(block.text).length > 0;
}

/** A line that introduces the list below it ("Ban xây dựng Đảng có trách nhiệm:") or a note in brackets. */
function statesNoWork(block: Block, next: Block | undefined): boolean {
  const text = block.text.trim();
  if (/^\(.*\)\.?$/u.test(text)) return true;
  if (text.split(/\s+/u).length < 2) return true;
  return /:$/u.test(text) && next !== undefined && next.bullet !== null && block.bullet !== next.bullet;
}

function locateDue(blocks: Block[]): { found: (DueFound & { block: Block }) | null } {
  const all = blocks.flatMap((block) => findDues(block.text).map((f) => ({ ...f, block })));
  return { found: chooseDue(all) };
}

function finish(draft: TaskDraft): void {
  draft.task.text = draft.blocks.map((b) => b.text).join(' ');
  const { found } = locateDue(draft.blocks);
  draft.task.due = found?.due ?? null;
  draft.dueAt = found?.due ? { block: found.block, index: found.index, length: found.length } : null;
  draft.dueError = found?.error
    ? { block: found.block, index: found.error.index, length: found.error.length, message: found.error.message }
    : null;
}

function tasksOfUnit(assignee: string, assigneeAt: TaskDraft['assigneeAt'], blocks: Block[]): TaskDraft[] {
  const drafts: TaskDraft[] = [];
  blocks.forEach((block, i) => {
    const previous = drafts[drafts.length - 1];
    if (previous && isDeadlineSentence(block) && !block.bullet) {
      previous.blocks.push(block);
      return;
    }
    if (statesNoWork(block, blocks[i + 1])) return;
    drafts.push({
      task: { assignee, text: '', line: block.parts[0].line.number, due: null },
      blocks: [block],
      assigneeAt,
      dueAt: null,
      dueError: null,
    });
  });
  drafts.forEach(finish);
  return drafts;
}

function headingAt(node: OutlineNode, assignee: string): TaskDraft['assigneeAt'] {
  const index = Math.max(0, node.line.text.indexOf(assignee));
  return { line: node.line.number, index, lineText: node.line.text };
}

export function readTasks(sections: OutlineNode[], knownUnits: Set<string>): TaskDraft[] {
  const section = tasksSection(sections);
  if (!section) return [];
  const drafts: TaskDraft[] = [];
  // Work stated directly under the section as "Đơn vị: việc" (no unit headings).
  for (const block of section.blocks) {
    const colon = block.text.indexOf(':');
    const head = colon > 0 ? block.text.slice(0, colon).trim() : '';
    if (!head || !looksLikeUnit(head, knownUnits)) continue;
    const assignee = assigneeName(head);
    let restFrom = colon + 1;
    while (block.text[restFrom] === ' ') restFrom++;
    if (restFrom >= block.text.length) continue;
    const inline = sliceBlock(block, restFrom);
    const part = block.parts[0];
    const at = { line: part.line.number, index: Math.max(0, part.line.text.indexOf(head)), lineText: part.line.text };
    drafts.push(...tasksOfUnit(assignee, at, [inline]));
  }
  for (const unit of section.children) {
    const assignee = assigneeName(unit.title);
    drafts.push(...tasksOfUnit(assignee, headingAt(unit, assignee), unit.blocks));
    for (const sub of unit.children) {
      const subAssignee = assigneeName(sub.title);
      drafts.push(...tasksOfUnit(subAssignee, headingAt(sub, subAssignee), sub.blocks));
    }
  }
  return drafts.sort((a, b) => a.task.line - b.task.line);
}
