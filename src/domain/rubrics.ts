// The self-assessment rubric as data (issue 13): groups of items, each with its maximum points and
// guidance, and rating bands by total. A commune's rubric is versioned; every report keeps the version
// it was scored with. The text of Quy định số 22-QĐ/TU is not available: the default below is an
// example, labelled as one, for the commune to replace with the regulation's own criteria.
import { lazy } from './lazy';

export interface RubricItem {
  /** Stable within a rubric version: scores name items by it. */
  id: string;
  name: string;
  maxPoints: number;
  guidance: string;
}

export interface RubricGroup {
  name: string;
  items: RubricItem[];
}

export interface RubricBand {
  name: string;
  /** The lowest total that earns the band. */
  minTotal: number;
}

export interface RubricContent {
  title: string;
  groups: RubricGroup[];
  bands: RubricBand[];
}

export interface Score {
  itemId: string;
  points: number;
}

export const EXAMPLE_TITLE = 'Ví dụ — thay bằng tiêu chí của Quy định số 22-QĐ/TU';

const item = (id: string, name: string, maxPoints: number, guidance: string): RubricItem => ({ id, name, maxPoints, guidance });

/** Shipped with the product: three example groups (100 points) and four bands, never presented as the regulation. */
export const defaultRubric: RubricContent = {
  title: EXAMPLE_TITLE,
  groups: [
    {
      name: 'Nhóm 1 (ví dụ): Chuẩn bị và tổ chức',
      items: [
        item('1.1', 'Xây dựng kế hoạch, thông báo lịch học tập đúng thời gian', 10, 'Có lịch, thông báo đến đảng viên trước buổi học.'),
        item('1.2', 'Chuẩn bị tài liệu, địa điểm, báo cáo viên', 10, 'Đủ tài liệu; báo cáo viên nắm vững nội dung.'),
        item('1.3', 'Tỷ lệ đảng viên tham dự', 10, 'Từ 95 % trở lên: tối đa; dưới 80 %: không quá 5 điểm.'),
      ],
    },
    {
      name: 'Nhóm 2 (ví dụ): Nội dung, truyền đạt và thảo luận',
      items: [
        item('2.1', 'Truyền đạt đầy đủ nội dung cốt lõi của Nghị quyết', 15, 'Đủ các nội dung chính, đúng tinh thần Nghị quyết.'),
        item('2.2', 'Liên hệ với thực tiễn của chi bộ, địa phương', 15, 'Có liên hệ cụ thể, gắn với nhiệm vụ của chi bộ.'),
        item('2.3', 'Thảo luận, phát biểu ý kiến', 10, 'Nhiều đảng viên phát biểu, ý kiến có chất lượng.'),
      ],
    },
    {
      name: 'Nhóm 3 (ví dụ): Kết quả và việc làm sau học tập',
      items: [
        item('3.1', 'Đảng viên viết thu hoạch, đăng ký việc làm cụ thể', 10, 'Tỷ lệ đảng viên có thu hoạch, đăng ký việc làm.'),
        item('3.2', 'Tuyên truyền đến đoàn viên, hội viên và Nhân dân', 10, 'Số người ngoài Đảng được tuyên truyền.'),
        item('3.3', 'Báo cáo đầy đủ, đúng thời hạn', 10, 'Báo cáo trước hạn của kế hoạch, đủ số liệu.'),
      ],
    },
  ],
  bands: [
    { name: 'Tốt', minTotal: 90 },
    { name: 'Khá', minTotal: 70 },
    { name: 'Trung bình', minTotal: 50 },
    { name: 'Chưa đạt', minTotal: 0 },
  ],
};

export const rubricItems = (rubric: Pick<RubricContent, 'groups'>): RubricItem[] => rubric.groups.flatMap((g) => g.items);

export const maxTotal = (rubric: Pick<RubricContent, 'groups'>): number => roundPoints(rubricItems(rubric).reduce((n, i) => n + i.maxPoints, 0));

/** Points are kept to two decimals (half points are common), so 0.1 + 0.2 totals 0.3. */
export const roundPoints = (n: number): number => Math.round(n * 100) / 100;

/** The band a total earns: the one with the highest minTotal not above it; null when none does. */
export function bandFor(bands: readonly RubricBand[], total: number): string | null {
  const sorted = [...bands].sort((a, b) => b.minTotal - a.minTotal);
  return sorted.find((b) => total >= b.minTotal)?.name ?? null;
}

export interface ScoreProblem {
  itemId: string;
  /** The item's name, or the id given when no item has it. */
  itemName: string;
  problem: 'unknown-item' | 'negative' | 'above-max' | 'not-a-number' | 'duplicate';
  maxPoints?: number;
}

/** What is wrong with a list of scores against the rubric, item by item (empty when nothing is). */
export function scoreProblems(rubric: Pick<RubricContent, 'groups'>, scores: readonly Score[]): ScoreProblem[] {
  const items = new Map(rubricItems(rubric).map((i) => [i.id, i]));
  const seen = new Set<string>();
  const problems: ScoreProblem[] = [];
  for (const s of scores) {
    const it = items.get(s.itemId);
    if (!it) {
      problems.push({ itemId: s.itemId, itemName: s.itemId, problem: 'unknown-item' });
      continue;
    }
    if (seen.has(s.itemId)) problems.push({ itemId: s.itemId, itemName: it.name, problem: 'duplicate' });
    seen.add(s.itemId);
    if (!Number.isFinite(s.points)) problems.push({ itemId: s.itemId, itemName: it.name, problem: 'not-a-number' });
    else if (s.points < 0) problems.push({ itemId: s.itemId, itemName: it.name, problem: 'negative', maxPoints: it.maxPoints });
    else if (s.points > it.maxPoints) problems.push({ itemId: s.itemId, itemName: it.name, problem: 'above-max', maxPoints: it.maxPoints });
  }
  return problems;
}

/** One Vietnamese sentence per problem, naming the item. */
export function describeScoreProblem(p: ScoreProblem): string {
  switch (p.problem) {
    case 'unknown-item':
      return `Tiêu chí "${p.itemId}" không có trong bộ tiêu chí.`;
    case 'duplicate':
      return `Tiêu chí "${p.itemName}" được chấm hai lần.`;
    case 'not-a-number':
      return `Điểm của tiêu chí "${p.itemName}" không phải là số.`;
    case 'negative':
      return `Điểm của tiêu chí "${p.itemName}" không được âm.`;
    case 'above-max':
      return `Điểm của tiêu chí "${p.itemName}" vượt quá mức tối đa ${formatPoints(p.maxPoints ?? 0)} điểm.`;
  }
}

export interface Scored {
  total: number;
  band: string | null;
  /** Items with no score yet (a draft may leave some). */
  unscored: string[];
}

/** Total and band of valid scores (check scoreProblems first); unscored items count as 0. */
export function scoreReport(rubric: Pick<RubricContent, 'groups' | 'bands'>, scores: readonly Score[]): Scored {
  const byItem = new Map(scores.map((s) => [s.itemId, s.points]));
  const items = rubricItems(rubric);
  const total = roundPoints(items.reduce((n, i) => n + (byItem.get(i.id) ?? 0), 0));
  return { total, band: bandFor(rubric.bands, total), unscored: items.filter((i) => !byItem.has(i.id)).map((i) => i.id) };
}

/** "7,5" — points in Vietnamese notation. */
const POINTS = lazy(() => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }));

export function formatPoints(n: number): string {
  return POINTS().format(n);
}

export interface RubricProblem {
  message: string;
}

/** A rubric an administrator saves or imports: items named, unique ids, positive maxima, bands that cover 0. */
export function rubricProblems(rubric: RubricContent): string[] {
  const problems: string[] = [];
  if (rubric.groups.length === 0) problems.push('Bộ tiêu chí phải có ít nhất một nhóm.');
  const ids = new Set<string>();
  for (const g of rubric.groups) {
    if (!g.name.trim()) problems.push('Có nhóm tiêu chí chưa có tên.');
    if (g.items.length === 0) problems.push(`Nhóm "${g.name}" chưa có tiêu chí nào.`);
    for (const i of g.items) {
      if (!i.name.trim()) problems.push(`Nhóm "${g.name}" có tiêu chí chưa có tên.`);
      if (!i.id.trim()) problems.push(`Tiêu chí "${i.name}" chưa có mã.`);
      else if (ids.has(i.id)) problems.push(`Mã tiêu chí "${i.id}" bị trùng.`);
      ids.add(i.id);
      if (!(Number.isFinite(i.maxPoints) && i.maxPoints > 0)) problems.push(`Điểm tối đa của tiêu chí "${i.name}" phải lớn hơn 0.`);
    }
  }
  if (rubric.bands.length === 0) problems.push('Phải có ít nhất một mức xếp loại.');
  const names = new Set<string>();
  for (const b of rubric.bands) {
    if (!b.name.trim()) problems.push('Có mức xếp loại chưa có tên.');
    if (names.has(b.name)) problems.push(`Mức xếp loại "${b.name}" bị trùng.`);
    names.add(b.name);
    if (!Number.isFinite(b.minTotal) || b.minTotal < 0) problems.push(`Điểm tối thiểu của mức "${b.name}" không hợp lệ.`);
  }
  const minima = rubric.bands.map((b) => b.minTotal);
  if (new Set(minima).size !== minima.length) problems.push('Hai mức xếp loại có cùng điểm tối thiểu.');
  if (rubric.bands.length > 0 && !minima.includes(0)) problems.push('Phải có một mức xếp loại bắt đầu từ 0 điểm.');
  const top = maxTotal(rubric);
  for (const b of rubric.bands) if (b.minTotal > top) problems.push(`Điểm tối thiểu của mức "${b.name}" (${formatPoints(b.minTotal)}) vượt tổng điểm tối đa (${formatPoints(top)}).`);
  return problems;
}

/**
 * A rubric from a spreadsheet's rows: sheet "Tiêu chí" (Nhóm, Mã, Tiêu chí, Điểm tối đa, Hướng dẫn)
 * and sheet "Xếp loại" (Xếp loại, Điểm tối thiểu), headers in the first row; items keep the file's order,
 * groups in the order they first appear. Problems name the row.
 */
export function rubricFromRows(itemRows: readonly (readonly unknown[])[], bandRows: readonly (readonly unknown[])[], title = ''): { rubric: RubricContent; problems: string[] } {
  const problems: string[] = [];
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  const num = (v: unknown) => (typeof v === 'number' ? v : Number(text(v).replace(',', '.')));
  const groups: RubricGroup[] = [];
  itemRows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const [group, id, name, max, guidance] = [text(row[0]), text(row[1]), text(row[2]), row[3], text(row[4])];
    if (!group && !id && !name && text(max) === '') return;
    if (!group) problems.push(`Dòng ${line} (Tiêu chí): thiếu tên nhóm.`);
    const points = num(max);
    if (!Number.isFinite(points)) problems.push(`Dòng ${line} (Tiêu chí): điểm tối đa "${text(max)}" không phải là số.`);
    let g = groups.find((x) => x.name === group);
    if (!g) groups.push((g = { name: group, items: [] }));
    g.items.push({ id: id || `${groups.indexOf(g) + 1}.${g.items.length + 1}`, name, maxPoints: points, guidance });
  });
  const bands: RubricBand[] = [];
  bandRows.slice(1).forEach((row, i) => {
    const [name, min] = [text(row[0]), row[1]];
    if (!name && text(min) === '') return;
    const minTotal = num(min);
    if (!Number.isFinite(minTotal)) problems.push(`Dòng ${i + 2} (Xếp loại): điểm tối thiểu "${text(min)}" không phải là số.`);
    bands.push({ name, minTotal });
  });
  const rubric = { title: title.trim() || 'Bộ tiêu chí tự chấm điểm', groups, bands };
  if (problems.length === 0) problems.push(...rubricProblems(rubric));
  return { rubric, problems };
}
