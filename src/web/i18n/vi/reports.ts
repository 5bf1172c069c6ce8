// A cell's report (Báo cáo kết quả): the figures from the session, the scores per item, the report as
// read, and the ward's review. Numbers and dates come formatted.
export const reports = {
  reportFigures: {
    title: 'Số liệu từ buổi sinh hoạt',
    total: 'Tổng số đảng viên',
    exempt: 'Miễn sinh hoạt',
    expected: 'Phải tham gia',
    present: 'Có mặt',
    late: 'Đến muộn',
    excused: 'Vắng có lý do',
    absent: 'Vắng không lý do',
    madeUp: 'Đã học bù',
    studied: 'Tỷ lệ đã học tập',
    reached: 'Đoàn viên / hội viên / Nhân dân',
  },
  reportScores: {
    range: (max: string) => `Từ 0 đến ${max} điểm.`,
    item: (id: string, name: string, max: string) => `${id}. ${name} (tối đa ${max})`,
    total: 'Tổng điểm:',
    band: 'Xếp loại:',
  },
  reportContent: {
    title: 'Nội dung báo cáo',
    reporter: (name: string) => `Báo cáo viên: ${name}`,
    reportDate: (date: string) => `Ngày báo cáo: ${date}`,
    summary: 'Tóm tắt nội dung thảo luận',
    opinions: 'Ý kiến, kiến nghị, đề xuất',
    scores: 'Điểm tự chấm',
    item: 'Tiêu chí',
    max: 'Tối đa',
    cell: 'Chi bộ',
    ward: 'Đảng ủy',
    total: (total: string, band: string) => `Tổng: ${total} — ${band}`,
  },
  reportReview: {
    title: 'Đảng ủy xem xét',
    comment: 'Ý kiến của Đảng ủy',
    return: 'Trả lại',
    accept: 'Tiếp nhận',
    rescore: 'Chấm lại',
    saveRescore: 'Lưu điểm chấm lại',
  },
} as const;
