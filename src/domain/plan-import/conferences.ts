// Section III: how the conferences are organised. "Cấp phường"/"Cấp xã" is the ward conference,
// "Cấp cơ sở" the cells' sessions; each reads its labelled lines ("Địa điểm:", "Thành phần:",
// "Đối tượng:", "Báo cáo viên:", "Thời gian:") and its date phrase ("Dự kiến trong tháng 5/2026").

import { findDue } from '../due-date';
import { type Block, firstLine } from './blocks';
import type { OutlineNode } from './outline';
import { foldKey, stripTrailing } from './text';
import type { ImportedConference } from './types';

/** A due phrase found in a block, kept so the linter can point at it. */
export interface LocatedDue {
  block: Block;
  index: number;
  length: number;
}

export interface ConferenceDraft {
  conference: ImportedConference;
  line: number;
  dueAt: LocatedDue | null;
  dueError: (LocatedDue & { message: string }) | null;
}

type Field = 'venue' | 'participants' | 'audience' | 'reporter' | 'when';

const LABELS: Array<[RegExp, Field]> = [
  [/^địa\s+điểm(?:\s+tổ\s+chức)?\s*:\s*/iu, 'venue'],
  [/^thành\s+phần(?:\s+(?:tham\s+dự|dự\s+hội\s+nghị|triệu\s+tập|mời))?\s*:\s*/iu, 'participants'],
  [/^đối\s+tượng(?:\s+(?:tham\s+gia|học\s+tập|tham\s+dự))?\s*:\s*/iu, 'audience'],
  [/^báo\s+cáo\s+viên\s*:\s*/iu, 'reporter'],
  [/^(?:thời\s+gian|thời\s+hạn)(?:\s+(?:tổ\s+chức|hoàn\s+thành|thực\s+hiện))?\s*:\s*/iu, 'when'],
];

/** The section that describes the conferences: III, or the one titled "… HỘI NGHỊ"/"HÌNH THỨC …". */
export function conferenceSection(sections: OutlineNode[]): OutlineNode | null {
  const byTitle = sections.find((s) => /hoi nghi|hinh thuc/u.test(foldKey(s.title)) && !/to chuc thuc hien/u.test(foldKey(s.title)));
  return byTitle ?? sections.find((s) => s.number === 'III') ?? null;
}

function levelOf(title: string): ImportedConference['level'] | null {
  const key = foldKey(title);
  if (/\bco so\b|\bchi bo\b/u.test(key)) return 'grassroots';
  if (/\bcap (?:phuong|xa|thi tran|dang uy)\b|\bphuong\b|\bxa\b/u.test(key)) return 'ward';
  return null;
}

function readConference(level: ImportedConference['level'], line: number, blocks: Block[]): ConferenceDraft {
  const conference: ImportedConference = { level, when: null };
  const draft: ConferenceDraft = { conference, line, dueAt: null, dueError: null };
  let openField: Exclude<Field, 'when'> | null = null;
  let whenFromLabel = false;
  for (const block of blocks) {
    const text = block.text;
    const label = LABELS.find(([pattern]) => pattern.test(text));
    if (label) {
      const [pattern, field] = label;
      const value = stripTrailing(text.replace(pattern, ''));
      const offset = text.length - text.replace(pattern, '').length;
      openField = null;
      if (field === 'when') {
        if (setWhen(draft, block, offset)) whenFromLabel = true;
        continue;
      }
      if (value) conference[field] = value;
      else openField = field;
      continue;
    }
    if (openField && block.bullet !== '-') {
      // "Thành phần:" followed by "+ …" lines: one list, joined.
      const value = stripTrailing(text);
      conference[openField] = conference[openField] ? `${conference[openField]}; ${value}` : value;
      continue;
    }
    openField = null;
    if (!whenFromLabel && !conference.when) setWhen(draft, block, 0);
  }
  return draft;
}

/** Reads the date phrase of a block (from `offset`); true when one was found. */
function setWhen(draft: ConferenceDraft, block: Block, offset: number): boolean {
  const found = findDue(block.text.slice(offset));
  if (!found) return false;
  const located = { block, index: offset + found.index, length: found.length };
  draft.conference.when = found.due;
  draft.dueAt = found.due ? located : null;
  draft.dueError = found.error ? { ...located, index: offset + found.error.index, length: found.error.length, message: found.error.message } : null;
  return true;
}

export function readConferences(sections: OutlineNode[]): ConferenceDraft[] {
  const section = conferenceSection(sections);
  if (!section) return [];
  const drafts: ConferenceDraft[] = [];
  for (const child of section.children) {
    const level = levelOf(child.title);
    if (!level) continue;
    const blocks = [...child.blocks, ...child.children.flatMap((c) => c.blocks)];
    drafts.push(readConference(level, child.line.number, blocks));
  }
  if (drafts.length === 0 && section.blocks.some((b) => LABELS.some(([p]) => p.test(b.text)))) {
    drafts.push(readConference('ward', section.blocks.length ? firstLine(section.blocks[0]) : section.line.number, section.blocks));
  }
  return drafts;
}
