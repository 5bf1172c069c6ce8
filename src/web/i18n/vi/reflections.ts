// Bài thu hoạch: the ward's and the cell's review of the members' reflections, and the plan's
// deadline for them (the form the ward staff set it with). Dates come formatted (dd/mm/yyyy).
export const reflections = {
  reflectionsReview: {
    title: 'Bài thu hoạch',
    plan: 'Kế hoạch',
    /** `issuedOn` formatted (dd/mm/yyyy), or null. */
    planName: (number: number | null, symbol: string, issuedOn: string | null) => `${number ? `Kế hoạch số ${number}-${symbol}` : 'Kế hoạch'}${issuedOn ? ` (${issuedOn})` : ''}`,
    noIssuedPlan: 'Chưa có kế hoạch nào được ban hành.',
    noCells: 'Không có chi bộ nào để xem.',
    cellCounts: (c: { members: number; submitted: number; late: number; passed: number; failed: number; waiting: number }) =>
      `Đã nộp ${c.submitted}/${c.members} (trễ hạn ${c.late}) · Chờ nhận xét ${c.waiting} · Đạt ${c.passed} · Chưa đạt ${c.failed}`,
    recordXlsx: (year: number) => `Tải kết quả học tập năm ${year} của chi bộ (XLSX)`,
    cellList: (unitName: string) => `Bài thu hoạch của ${unitName}`,
    submittedAt: (at: string) => `Nộp lúc ${at}`,
    read: 'Đọc bài',
    readAndReview: 'Đọc và nhận xét',
    reflection: 'Bài thu hoạch',
    commitment: 'Bản cam kết',
    comment: (text: string) => `Nhận xét: ${text}`,
    reviewForm: (memberName: string) => `Nhận xét bài của ${memberName}`,
    result: 'Kết quả',
    passed: 'Đạt',
    failed: 'Chưa đạt',
    commentLabel: 'Nhận xét',
    saveReview: 'Lưu nhận xét',
    close: 'Đóng',
  },
  reflectionDeadline: {
    form: 'Hạn nộp bài thu hoạch',
    current: (dueOn: string) => `Hạn nộp bài thu hoạch: ${dueOn}`,
    noneSet: 'Kế hoạch chưa có hạn nộp bài thu hoạch.',
    noneInPlan: 'Kế hoạch không đặt hạn nộp bài thu hoạch.',
    fromPlan: ' (theo thời hạn của cấp cơ sở trong kế hoạch)',
    set: 'Đặt hạn nộp',
    change: 'Đổi hạn nộp',
    save: 'Lưu hạn nộp',
    saved: (dueOn: string) => `Đã đặt hạn nộp bài thu hoạch: ${dueOn}. Đảng viên thấy hạn mới ở trang Học tập của tôi.`,
    stale: 'Hạn nộp vừa được người khác đổi: trang đã tải hạn mới nhất, hãy chọn lại nếu cần.',
  },
} as const;
