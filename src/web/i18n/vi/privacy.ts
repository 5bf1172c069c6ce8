// A person's data: download and erasure (Nghị định 13/2023/NĐ-CP).
// Part of the Vietnamese strings: see index.ts.

export const privacy = {
  privacy: {
    section: 'Dữ liệu cá nhân',
    intro: 'Theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân: tải toàn bộ dữ liệu của người này, hoặc xóa dữ liệu cá nhân khi có yêu cầu.',
    alreadyErased: 'Dữ liệu cá nhân của người này đã được xóa; tên hiển thị là bí danh.',
    download: 'Tải dữ liệu cá nhân',
    downloadOwn: 'Tải dữ liệu của tôi',
    ownIntro: 'Toàn bộ dữ liệu QuánTriệt lưu về đồng chí (tệp JSON): thông tin cá nhân, sinh hoạt đảng, chức vụ, điểm danh, bài thu hoạch, bài kiểm tra, thông báo.',
    downloaded: (name: string) => `Đã tải tệp ${name}.`,
    erase: 'Xóa dữ liệu cá nhân',
    eraseTitle: 'Xóa dữ liệu cá nhân',
    warningTitle: 'Không hoàn tác được',
    warning: [
      'Họ tên được thay bằng bí danh; ngày sinh, điện thoại, thư điện tử, số thẻ đảng viên, ghi chú bị xóa.',
      'Tài khoản bị khóa và đổi tên; nội dung bài thu hoạch và các thông báo bị xóa.',
      'Điểm danh, ngày vào Đảng, chức vụ, điểm bài kiểm tra được giữ để số liệu tổng hợp không đổi.',
    ],
    reason: 'Lý do xóa',
    reasonHint: 'Ví dụ: đương sự yêu cầu ngày …; được ghi vào nhật ký.',
    reasonRequired: 'Ghi lý do xóa (ít nhất 5 ký tự).',
    confirm: 'Xóa dữ liệu',
    erased: (pseudonym: string) => `Đã xóa dữ liệu cá nhân. Người này nay hiển thị là "${pseudonym}".`,
  },
} as const;
