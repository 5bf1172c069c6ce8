// Every layout constant of the Party's document rules (Hướng dẫn 36-HD/VPTW, see
// shared/spec/DOCUMENTS.md) lives here and nowhere else: sources disagree on some numbers and a newer
// guidance may replace them, so a change of rule is a change of this one file. The DOCX and HTML
// renderers read their sizes, margins and spacings only from `LAYOUT`.

/** Twentieths of a point, Word's unit for page geometry and spacing. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

/** Word stores run sizes in half-points (`w:sz`). */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** How the organisation spells the syllable in "ĐẢNG ỦY" / "ĐẢNG UỶ" (both are in official use). */
export type UySpelling = 'ỦY' | 'UỶ';

export const LAYOUT = {
  page: {
    // A4 portrait. Word's own A4 is 11906 × 16838 twips; rounding 210 mm gives 11906 too.
    widthMm: 210,
    heightMm: 297,
    widthTwips: 11906,
    heightTwips: 16838,
    marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
    // The page number sits centred in the header about 10 mm from the top edge, from page 2 on.
    headerFromTopMm: 10,
    footerFromBottomMm: 10,
  },

  font: {
    // Word on a Vietnamese office PC has Times New Roman; LibreOffice substitutes Liberation Serif
    // (metric twin, full Vietnamese coverage), so line breaks match between the two.
    family: 'Times New Roman',
    cssFallbacks: ['Liberation Serif', 'Tinos', 'serif'],
    // Word's language tag for the runs, so its spell checker treats the text as Vietnamese.
    language: 'vi-VN',
  },

  /** Sizes in points, one per element of the DOCUMENTS.md table. */
  size: {
    superior: 14,
    issuer: 14,
    asterisk: 14,
    number: 14,
    partyTitle: 15,
    placeDate: 14,
    // The guidance allows 15-16; 16 sets the type of document apart from the 14 pt abstract.
    docType: 16,
    // 14-15 allowed; 14 keeps a long abstract (a plan's often runs to three lines) compact.
    abstract: 14,
    body: 14,
    heading: 14,
    pageNumber: 14,
    recipientsLabel: 14,
    recipient: 12,
    authority: 14,
    position: 14,
    signer: 14,
  },

  header: {
    // The two columns of the borderless header table, as shares of the text width (165 mm). The
    // left one (86 mm) holds "ĐẢNG ỦY PHƯỜNG NÔNG TIẾN" in 14 pt bold capitals (~84 mm) on one
    // line; the right one (79 mm) still holds "Nông Tiến, ngày 25 tháng 12 năm 2026" in 14 pt
    // italic (~77 mm). Longer names wrap inside their column.
    leftShare: 0.52,
    // Exact line height inside the header block, so both columns' lines fall on the same baselines
    // (the 15 pt party title and the 14 pt lines would otherwise drift apart).
    lineExactPt: 17,
    partyTitle: 'ĐẢNG CỘNG SẢN VIỆT NAM',
    // A draft without a number prints blanks to be written by hand: "Số    -KH/ĐU".
    blankNumber: '    ',
    // An undated draft: "Nông Tiến, ngày    tháng    năm 20…".
    blankDay: '    ',
    blankMonth: '    ',
    blankYear: '20…',
    // Space between the header block and the type of document.
    spaceAfterPt: 18,
  },

  title: {
    // "KẾ HOẠCH" then the abstract (trích yếu), both centred and bold; Party documents put a short
    // rule of five hyphens under the abstract. Set `abstractRule` to null to drop it.
    abstractRule: '-----' as string | null,
    lineExactPt: 20,
    spaceAfterPt: 12,
  },

  body: {
    // ~10 mm first-line indent, 6 pt between paragraphs, as the guidance asks.
    firstLineIndentMm: 10,
    spaceAfterPt: 6,
    // The guidance allows exactly 18-22 pt. 18 pt, the floor, is the closest to the single-spaced
    // originals offices type (Times New Roman 14 pt single is 16.1 pt) and keeps the fixture plan
    // to four pages; any value in the range is valid.
    lineExactPt: 18,
    // Dash paragraphs ("- Địa điểm: …") are body paragraphs that start with this prefix.
    dashPrefix: '- ',
  },

  /** Headings keep the body's indent and size; "I. …" and "1. …" are bold, "a) …" italic. */
  heading: {
    1: { bold: true, italic: false },
    2: { bold: true, italic: false },
    3: { bold: false, italic: true },
  },

  signature: {
    // The two columns of the borderless signature table: recipients left, signer right.
    leftShare: 0.5,
    // Room for the handwritten signature and the seal stamped over it (72 pt ≈ 25 mm), above the
    // signer's name.
    gapPt: 72,
    spaceBeforePt: 12,
    // Recipient lines are set tight (12 pt type on 14 pt lines), so a long list stays about as
    // tall as the signature block beside it.
    recipientLineExactPt: 14,
    recipientsLabel: 'Nơi nhận:',
  },

  /** The organisation's spelling setting; settings may override it per document. */
  spelling: 'ỦY' as UySpelling,
} as const;

export type Layout = typeof LAYOUT;

/** Page geometry in twips, derived once from the millimetre values above. */
export const PAGE_TWIPS = {
  width: LAYOUT.page.widthTwips,
  height: LAYOUT.page.heightTwips,
  margin: {
    top: mmToTwips(LAYOUT.page.marginMm.top),
    bottom: mmToTwips(LAYOUT.page.marginMm.bottom),
    left: mmToTwips(LAYOUT.page.marginMm.left),
    right: mmToTwips(LAYOUT.page.marginMm.right),
    header: mmToTwips(LAYOUT.page.headerFromTopMm),
    footer: mmToTwips(LAYOUT.page.footerFromBottomMm),
  },
  /** The width between the margins, shared by the header and signature tables. */
  textWidth:
    LAYOUT.page.widthTwips - mmToTwips(LAYOUT.page.marginMm.left) - mmToTwips(LAYOUT.page.marginMm.right),
} as const;

/** Applies the organisation's spelling to a text in capitals ("ĐẢNG ỦY" ↔ "ĐẢNG UỶ"). */
export function applyUySpelling(text: string, spelling: UySpelling): string {
  const from = spelling === 'ỦY' ? 'UỶ' : 'ỦY';
  // Whole syllables only: the pattern must not touch "THỦY" or "HUỲNH".
  return text.replace(new RegExp(`(?<![\\p{L}])${from}(?![\\p{L}])`, 'gu'), spelling);
}
