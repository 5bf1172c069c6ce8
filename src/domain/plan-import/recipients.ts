// "Nơi nhận:" and its list. Items lose their leading "- " and their trailing ",", ";", "." or "./.".

import type { SourceLine } from './normalise';
import { AUTHORITY_LINE } from './outline';
import { stripTrailing } from './text';

const LABEL = /^Nơi\s+nhận\s*:?\s*/iu;

function cleanItem(text: string): string {
  return stripTrailing(text.replace(/^[-+•–]\s*/u, ''));
}

export interface RecipientsRead {
  recipients: string[];
  /** The "Nơi nhận:" line, or null when the plan has none. */
  labelLine: SourceLine | null;
}

export function readRecipients(endMatter: SourceLine[]): RecipientsRead {
  const start = endMatter.findIndex((l) => !l.blank && LABEL.test(l.text));
  if (start < 0) return { recipients: [], labelLine: null };
  const labelLine = endMatter[start];
  const recipients: string[] = [];
  const sameLine = cleanItem(labelLine.text.replace(LABEL, ''));
  if (sameLine) recipients.push(sameLine);
  let gap = false;
  for (const line of endMatter.slice(start + 1)) {
    if (line.blank) {
      gap = true;
      continue;
    }
    if (AUTHORITY_LINE.test(line.text)) break;
    const listed = line.bullet !== null || /^[-+•]/u.test(line.text);
    const unmarkedItem = !gap && recipients.length > 0 && /[,;.]$/u.test(line.text);
    if (!listed && !unmarkedItem && !(recipients.length === 0 && !gap)) break;
    const item = cleanItem(line.text);
    if (item) recipients.push(item);
    gap = false;
  }
  return { recipients, labelLine };
}
