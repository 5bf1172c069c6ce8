// New plans without typing from scratch: the genre's standard template filled with a resolution's
// data, and cloning an earlier plan for another resolution (real plans differ mostly in their
// resolution and section IV). Both produce the plan's text, which the importer then reads.

export interface ResolutionFacts {
  number: string; // "91-NQ/TU"
  issuedOn: string | null; // ISO
  issuer: string; // "Ban Thường vụ Tỉnh ủy"
  subject: string; // "tiếp tục đột phá xây dựng kết cấu hạ tầng …"
  kindName?: string; // "Nghị quyết" (default), "Chỉ thị", "Kết luận"…
}

export interface TemplateOptions {
  /** Where the conference is held. */
  venue: string;
  /** "phường" or "xã". */
  communeWord: string;
  /** The month the sessions must be held in: { month, year }. */
  studyMonth: { month: number; year: number };
  /** ISO date the cells' reports are due. */
  reportDue: string;
  signer: { onBehalfOf: string; position: string; name: string };
}

const dmy = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(d).padStart(2, '0')}/${m}/${y}`;
};

/** "Nghị quyết số 91-NQ/TU, ngày 12/5/2026 của Ban Thường vụ Tỉnh ủy về …". */
export function citation(r: ResolutionFacts): string {
  const [y, m, d] = (r.issuedOn ?? '').split('-').map(Number);
  const date = r.issuedOn ? `, ngày ${d}/${m}/${y}` : '';
  return `${r.kindName ?? 'Nghị quyết'} số ${r.number}${date} của ${r.issuer} về ${r.subject}`;
}

/** Suggests study month and report date from the resolution's date: the next month, reports by the 5th after. */
export function defaultSchedule(issuedOn: string | null, today: string): { studyMonth: { month: number; year: number }; reportDue: string } {
  const base = issuedOn && issuedOn > today ? issuedOn : today;
  const [y, m] = base.split('-').map(Number) as [number, number];
  const next = m === 12 ? { month: 1, year: y + 1 } : { month: m + 1, year: y };
  const after = next.month === 12 ? { month: 1, year: next.year + 1 } : { month: next.month + 1, year: next.year };
  return { studyMonth: next, reportDue: `${after.year}-${String(after.month).padStart(2, '0')}-05` };
}

export function planTemplate(r: ResolutionFacts, o: TemplateOptions): string {
  const kind = r.kindName ?? 'Nghị quyết';
  const short = `${kind} số ${r.number}`;
  const month = `${o.studyMonth.month}/${o.studyMonth.year}`;
  const w = o.communeWord;
  return `KẾ HOẠCH

Tổ chức tuyên truyền, quán triệt và học tập ${citation(r)}

Thực hiện ${citation(r)} (sau đây viết tắt là ${short}),

Ban Thường vụ Đảng ủy ban hành Kế hoạch tuyên truyền, quán triệt và học tập, cụ thể như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Tổ chức phổ biến, quán triệt sâu rộng nội dung ${short} đến toàn thể cán bộ, đảng viên, đoàn viên, hội viên và các tầng lớp Nhân dân trên địa bàn ${w}, giúp cán bộ, đảng viên và Nhân dân nắm vững, hiểu sâu các quan điểm, mục tiêu và giải pháp của ${kind}.

2. Yêu cầu

Việc tổ chức nghiên cứu, học tập phải được tiến hành nghiêm túc, thiết thực, phù hợp với đặc thù của từng loại hình chi bộ; coi trọng chất lượng thảo luận và khả năng vận dụng vào thực tiễn; lấy kết quả thực hiện làm thước đo đánh giá cán bộ, đảng viên hàng năm. Kết hợp học tập trực tiếp với tuyên truyền trên các nền tảng số, mạng xã hội và hệ thống truyền thanh của ${w}.

Sau hội nghị, các chi bộ thực hiện tự chấm điểm đánh giá chất lượng theo 03 nhóm tiêu chí quy định tại Quy định số 22-QĐ/TU và báo cáo kịp thời về Thường trực Đảng ủy ${w} theo quy định.

II. NỘI DUNG TUYÊN TRUYỀN, QUÁN TRIỆT, HỌC TẬP

Các nội dung cốt lõi của ${citation(r)}.

(có ${short} gửi kèm theo)

III. HÌNH THỨC TỔ CHỨC HỘI NGHỊ

1. Cấp ${w}

- Dự kiến trong tháng ${month} (có văn bản triệu tập riêng).
- Địa điểm: ${o.venue}.
- Thành phần: Các đồng chí Ủy viên Ban Chấp hành Đảng bộ ${w}, bí thư các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc, tổ trưởng các tổ dân phố.
- Báo cáo viên: Thường trực Đảng ủy.

2. Cấp cơ sở

- Đối tượng: Cán bộ, đảng viên, đoàn viên, hội viên và Nhân dân.
- Báo cáo viên: Phân công đồng chí bí thư chi bộ, đảng bộ cơ sở làm báo cáo viên.
- Thời gian: Hoàn thành trong tháng ${month}.

IV. TỔ CHỨC THỰC HIỆN

1. Ban xây dựng Đảng

- Chủ trì, phối hợp với các cơ quan, đơn vị liên quan đẩy mạnh công tác thông tin tuyên truyền ${short}.

- Tham mưu Ban Thường vụ Đảng ủy: Báo cáo kết quả học tập, quán triệt và triển khai thực hiện. Hoàn thành trước ngày ${dmy(o.reportDue)}.

2. Văn phòng Đảng ủy

Chuẩn bị các điều kiện phục vụ Hội nghị của Đảng ủy; triệu tập đại biểu dự Hội nghị.

3. Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc

- Tổ chức nghiêm túc việc tuyên truyền, phổ biến, quán triệt và học tập ${short}. Hoàn thành trong tháng ${month}.

- Tổng hợp, báo cáo kết quả phổ biến, quán triệt với Ban Thường vụ Đảng ủy (qua Ban xây dựng Đảng tổng hợp) trước ngày ${dmy(o.reportDue)}.

Nơi nhận:

- Ban Tuyên giáo và Dân vận Tỉnh ủy (báo cáo),
- Các đ/c Ủy viên BCH Đảng bộ ${w},
- Ủy ban nhân dân ${w},
- Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.

${o.signer.onBehalfOf}
${o.signer.position}

${o.signer.name}
`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Rewrites an earlier plan's text for another resolution: its number, date, issuer and subject. */
export function retargetPlanSource(source: string, from: ResolutionFacts, to: ResolutionFacts): string {
  let text = source.normalize('NFC');
  if (from.subject && to.subject) {
    text = text.split(from.subject).join(to.subject);
    const lower = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
    text = text.split(lower(from.subject)).join(lower(to.subject));
  }
  if (from.issuedOn) {
    const [y, m, d] = from.issuedOn.split('-').map(Number);
    const date = `0?${d}/0?${m}/${y}`;
    const newDate = to.issuedOn ? (([ty, tm, td]) => `${td}/${tm}/${ty}`)(to.issuedOn.split('-').map(Number)) : null;
    const pattern = new RegExp(`${escape(from.number)},(\\s*)ngày\\s+${date}(\\s+của\\s+)${escape(from.issuer)}`, 'gu');
    text = text.replace(pattern, (_m, space: string, of: string) => `${to.number},${space}${newDate ? `ngày ${newDate}` : ''}${of}${to.issuer}`.replace(/,\s*của/u, ' của'));
  }
  return text.split(from.number).join(to.number);
}
