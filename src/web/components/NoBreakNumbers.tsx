// Document numbers and dates inside a text ("Nghị quyết số 95-NQ/TU", "ngày 20/06/2026") kept on
// one line: a narrow phone screen would otherwise break "95-" from "NQ/TU" at the hyphen. The text
// itself is unchanged (copying, searching and screen readers see the same characters). An unusually
// long token may still wrap rather than push the page sideways.
/** Letters and digits joined by - / . with at least one digit: 95-NQ/TU, 1-KH/ĐU, 20/06/2026. */
const NUMBER_LIKE = /(?=[\p{L}\d]*\d)[\p{L}\d]+(?:[-/.][\p{L}\d]+)+/gu;
const LONGEST_KEPT_WHOLE = 24;

export function NoBreakNumbers({ children }: { children: string }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const match of children.matchAll(NUMBER_LIKE)) {
    const token = match[0];
    if (token.length > LONGEST_KEPT_WHOLE) continue;
    parts.push(children.slice(at, match.index));
    parts.push(
      <span key={match.index} className="qt-nowrap">
        {token}
      </span>,
    );
    at = match.index + token.length;
  }
  parts.push(children.slice(at));
  return <>{parts}</>;
}
