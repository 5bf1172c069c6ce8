// Vietnamese name parts for the demo ward, weighted roughly as in Tuyên Quang (Kinh and Tày families).

export const familyNames: [string, number][] = [
  ['Nguyễn', 30], ['Trần', 9], ['Lê', 8], ['Phạm', 6], ['Hoàng', 7], ['Vũ', 4], ['Đặng', 3], ['Bùi', 3],
  ['Đỗ', 3], ['Ngô', 2], ['Dương', 2], ['Lý', 2], ['Ma', 3], ['Nông', 3], ['Hà', 3], ['Quan', 2],
  ['Triệu', 2], ['Lương', 2], ['Phan', 2], ['Trịnh', 1], ['Đinh', 1], ['Chu', 1], ['Lục', 1], ['Mạc', 1],
];

export const middleNames = {
  male: ['Văn', 'Đức', 'Minh', 'Quang', 'Xuân', 'Hữu', 'Mạnh', 'Thanh', 'Ngọc', 'Trọng', 'Tiến', 'Công', 'Đình', 'Văn Quốc'],
  female: ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Hồng', 'Thị Thu', 'Thị Minh', 'Phương', 'Kim'],
};

export const givenNames = {
  male: ['Hùng', 'Dũng', 'Cường', 'Thắng', 'Tuấn', 'Long', 'Hải', 'Sơn', 'Bình', 'Minh', 'Quân', 'Hoàng', 'Đạt', 'Trung',
    'Thành', 'Phúc', 'Khánh', 'Hiếu', 'Nam', 'Việt', 'Toàn', 'Kiên', 'Lâm', 'An', 'Bắc', 'Chiến', 'Định', 'Giang',
    'Hưng', 'Lợi', 'Nghĩa', 'Quyết', 'Tâm', 'Thuận', 'Vinh', 'Khải', 'Đông', 'Tùng', 'Huy', 'Ân'],
  female: ['Hà', 'Lan', 'Hương', 'Mai', 'Hằng', 'Linh', 'Ngọc', 'Thảo', 'Trang', 'Huyền', 'Nga', 'Yến', 'Thủy', 'Dung',
    'Hạnh', 'Phương', 'Loan', 'Nhung', 'Oanh', 'Quyên', 'Tâm', 'Thơ', 'Uyên', 'Vân', 'Xuân', 'Ánh', 'Anh', 'Chi',
    'Duyên', 'Giang', 'Hoa', 'Liên', 'Mến', 'Nhàn', 'Sen', 'Thắm', 'Tuyết', 'Vui', 'Đào', 'Ân'],
};
