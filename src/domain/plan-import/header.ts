// The optional header block of a full document, above "KẾ HOẠCH":
//   ĐẢNG BỘ TỈNH TUYÊN QUANG          ĐẢNG CỘNG SẢN VIỆT NAM
//   ĐẢNG ỦY PHƯỜNG NÔNG TIẾN
//            *                        Nông Tiến, ngày 15 tháng 5 năm 2026
//   Số 45-KH/ĐU
// In text exports the two columns come one after the other, side by side (tab, many spaces) or as
// a Markdown table row; each cell is read on its own.

import { impossibleDate, isoDate } from '../due-date';
import type { SourceLine } from './normalise';
import type { ImportedHeader } from './types';

const PARTY_TITLE = /^ĐẢNG CỘNG SẢN VIỆT NAM$/u;
const MOTTO = /^(?:CỘNG HÒA|CỘNG HOÀ|Độc lập)/u;
const SUPERIOR = /^(?:ĐẢNG BỘ|ĐẢNG ỦY|ĐẢNG UỶ|TỈNH ỦY|TỈNH UỶ|HUYỆN ỦY|HUYỆN UỶ|THÀNH ỦY|THÀNH UỶ|BAN CHẤP HÀNH)\s+\p{Lu}/u;
const ISSUER = /^(?:ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|CHI BỘ|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|CHI ỦY|CHI UỶ|BAN CHỈ ĐẠO)\s+\p{Lu}/u;
const NUMBER = /^Số\s*:?\s*(\d+\s?-\s?[\p{Lu}Đ]+(?:\s?\/\s?[\p{Lu}Đ]+)+)/u;
const PLACE_DATE = /^(\p{Lu}[^,]{0,60}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;

/** The cells of a header line: Markdown table cells, or columns separated by a tab or 3+ spaces. */
function cells(line: SourceLine): string[] {
  const raw = line.raw.replace(/\*\*|__|\*/g, '').replace(/\\([^\w\s])/g, '$1');
  return raw
    .split(/\s*\|\s*|\t+|\s{3,}/u)
    .map((c) => c.trim().replace(/^#+\s*/u, '').replace(/\s+/gu, ' '))
    .filter((c) => c.length > 0 && !/^[-:*\s]+$/u.test(c));
}

/** True for a line that belongs to a document header (used when "KẾ HOẠCH" is missing). */
export function looksLikeHeaderLine(line: SourceLine): boolean {
  return cells(line).some(
    (c) => PARTY_TITLE.test(c) || MOTTO.test(c) || SUPERIOR.test(c) || NUMBER.test(c) || PLACE_DATE.test(c) || c === '*',
  );
}

export function readHeader(lines: SourceLine[]): ImportedHeader | undefined {
  const header: ImportedHeader = {};
  const bodies: string[] = [];
  for (const line of lines) {
    for (const cell of cells(line)) {
      if (PARTY_TITLE.test(cell) || MOTTO.test(cell)) continue;
      const number = NUMBER.exec(cell);
      if (number && !header.number) {
        header.number = number[1].replace(/\s+/gu, '');
        continue;
      }
      const placeDate = PLACE_DATE.exec(cell);
      if (placeDate && !header.place) {
        const [, place, d, m, y] = placeDate;
        header.place = place.trim();
        if (!impossibleDate(Number(d), Number(m), Number(y))) header.date = isoDate(Number(y), Number(m), Number(d));
        continue;
      }
      if (SUPERIOR.test(cell) || ISSUER.test(cell)) bodies.push(cell);
    }
  }
  if (bodies.length === 1) {
    if (ISSUER.test(bodies[0]) && !/^ĐẢNG BỘ TỈNH|^ĐẢNG BỘ THÀNH PHỐ/u.test(bodies[0])) header.issuer = bodies[0];
    else header.superior = bodies[0];
  } else if (bodies.length >= 2) {
    header.superior = bodies[0];
    header.issuer = bodies[1];
  }
  return Object.keys(header).length > 0 ? header : undefined;
}
