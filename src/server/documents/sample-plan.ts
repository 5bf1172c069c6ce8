// The fixture plan (shared/fixtures/ke-hoach-91-NQ-TU.md) as the importer returns it, written out by
// hand so the documents layer's tests and bench do not depend on the importer. Its text keeps the
// fixture's Markdown markers, which the document model must strip.
import type { ImportedPlan } from '../../domain/plan-import/types';
import type { PlanHeaderInput } from './plan-document';

/** The header of the fixture's issued version: "Số 45-KH/ĐU", 15 May 2026. */
export const SAMPLE_HEADER: PlanHeaderInput = {
  superior: 'Đảng bộ tỉnh Tuyên Quang',
  issuer: 'Đảng ủy phường Nông Tiến',
  number: 45,
  place: 'Nông Tiến',
  date: '2026-05-15',
};

export const SAMPLE_PLAN: ImportedPlan = {
  kind: 'ke-hoach',
  title: 'Tổ chức tuyên truyền, quán triệt và học tập Nghị quyết số 91-NQ/TU, ngày 12/5/2026 của Ban Thường vụ Tỉnh ủy về tiếp tục đột phá xây dựng kết cấu hạ tầng kinh tế - xã hội, trọng tâm là hạ tầng giao thông, hạ tầng công nghệ, hạ tầng đô thị, hạ tầng khu, cụm công nghiệp đến năm 2030',
  preamble: [
    'Thực hiện Nghị quyết số 91-NQ/TU, ngày 12/5/2026 của Ban Thường vụ Tỉnh ủy về tiếp tục đột phá xây dựng kết cấu hạ tầng kinh tế - xã hội, trọng tâm là hạ tầng giao thông, hạ tầng công nghệ, hạ tầng đô thị, hạ tầng khu, cụm công nghiệp đến năm 2030 (sau đây viết tắt là Nghị quyết số 91-NQ/TU),',
    'Ban Thường vụ Đảng ủy ban hành Kế hoạch tuyên truyền, quán triệt và học tập, cụ thể như sau:',
  ],
  resolutions: [],
  sections: [
    {
      number: 'I',
      title: 'MỤC ĐÍCH, YÊU CẦU',
      line: 11,
      children: [
        {
          number: '1',
          title: 'Mục đích',
          line: 13,
          text: 'Tổ chức phổ biến, quán triệt sâu rộng nội dung Nghị quyết số 91-NQ/TU đến toàn thể cán bộ, đảng viên, đoàn viên, hội viên và các tầng lớp Nhân dân trên địa bàn phường. Qua đó, giúp cán bộ, đảng viên và các tầng lớp Nhân dân trên địa bàn phường nắm vững, hiểu sâu các quan điểm, mục tiêu và giải pháp trọng tâm về tiếp tục đột phá phát triển kết cấu hạ tầng kinh tế - xã hội của tỉnh theo hướng đồng bộ, hiện đại, phù hợp với Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050 và yêu cầu phát triển trong giai đoạn mới; tập trung đầu tư các lĩnh vực hạ tầng trọng điểm, có tính nền tảng, lan tỏa và dẫn dắt, nhất là hạ tầng giao thông, hạ tầng công nghệ, hạ tầng đô thị, hạ tầng khu, cụm công nghiệp, hạ tầng du lịch, hạ tầng văn hóa và các hạ tầng xã hội thiết yếu khác..\n\nThông qua học tập, nhằm nâng cao nhận thức, trách nhiệm của các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội, nhất là người đứng đầu cấp ủy, chính quyền chỉ đạo, triển khai thực hiện, tạo bước chuyển biến rõ nét về chất lượng kết cấu hạ tầng, góp phần mở rộng không gian phát triển, tăng cường liên kết nội tỉnh, liên vùng và quốc tế; nâng cao năng lực cạnh tranh, cải thiện mạnh mẽ môi trường đầu tư kinh doanh, thúc đẩy tăng trưởng kinh tế nhanh, bền vững, nâng cao đời sống vật chất, tinh thần của Nhân dân, bảo đảm quốc phòng, an ninh, bảo vệ môi trường và thích ứng biến đổi khí hậu.',
        },
        {
          number: '2',
          title: 'Yêu cầu',
          line: 19,
          text: 'Việc tổ chức nghiên cứu, học tập phải được tiến hành nghiêm túc, thiết thực, phù hợp với đặc thù của từng loại hình chi bộ; tuyệt đối không hình thức, không chạy theo số lượng mà coi trọng chất lượng thảo luận và khả năng vận dụng vào thực tiễn. Đề cao trách nhiệm của người đứng đầu cấp ủy, chính quyền và các tổ chức\n\nchính trị - xã hội trong việc trực tiếp truyền đạt và tổ chức thực hiện Nghị quyết; lấy kết quả thực hiện làm thước đo đánh giá cán bộ, đảng viên hàng năm. Kết hợp linh hoạt giữa học tập trực tiếp với tuyên truyền trên các nền tảng số, mạng xã hội và hệ thống truyền thanh của phường để tạo sự lan tỏa mạnh mẽ trong cộng đồng.\n\nSau hội nghị, các chi bộ phải thực hiện tự chấm điểm đánh giá chất lượng theo 03 nhóm tiêu chí quy định tại Quy định số 22-QĐ/TU và báo cáo kịp thời về Thường trực Đảng ủy phường theo quy định.',
        },
      ],
    },
    {
      number: 'II',
      title: 'NỘI DUNG TUYÊN TRUYỀN, QUẢN TRIỆT, HỌC TẬP',
      line: 27,
      text: 'Các nội dung cốt lõi của Nghị quyết số 91-NQ/TU, ngày 12/5/2026 của Ban Thường vụ Tỉnh ủy về *tiếp tục đột phá xây dựng kết cấu hạ tầng kinh tế - xã hội, trọng tâm là hạ tầng giao thông, hạ tầng công nghệ, hạ tầng đô thị, hạ tầng khu, cụm công nghiệp đến năm 2030*; Kế hoạch của Ban Thường vụ Đảng ủy phường thực hiện Nghị quyết 91-NQ/TU sau khi ban hành.\n\n(có Nghị quyết số 91-NQ/TU gửi kèm theo)',
    },
    {
      number: 'III',
      title: 'HÌNH THỨC TỔ CHỨC HỘI NGHỊ',
      line: 33,
      children: [
        {
          number: '1',
          title: 'Cấp phường',
          line: 35,
          text: '- Dự kiến trong tháng **5/2026** (*có văn bản triệu tập riêng*).\n- Địa điểm: Hội trường trụ sở Đảng ủy phường, tổ dân phố Tràng Đà 6, phường Nông Tiến.\n- Thành phần: Các đồng chí Ủy viên Ban Chấp hành Đảng bộ phường, Ủy viên Ủy ban kiểm tra Đảng ủy, Thường trực HĐND, lãnh đạo Ủy ban nhân dân, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội phường, lãnh đạo các cơ quan chuyên trách tham mưu giúp việc Đảng ủy, các cơ quan, đơn vị, doanh nghiệp, trường học, bí thư các chi bộ bộ, đảng bộ cơ sở, chi bộ trực thuộc, tổ trưởng các tổ dân phố; đảng viên chi bộ các cơ quan Đảng, Đảng bộ Ủy ban nhân dân phường, chi bộ Quân sự phường.\n\n- Báo cáo viên: Thường trực Đảng ủy.',
        },
        {
          number: '2',
          title: 'Cấp cơ sở',
          line: 43,
          text: '- Căn cứ điều kiện cụ thể, đặc thù của các cơ quan, đơn vị lựa chọn hình thức triển khai hội nghị tuyên truyền, quán triệt, học tập Nghị quyết cho phù hợp, bảo đảm thiết thực, hiệu quả.\n\n- Đối tượng: Cán bộ, đảng viên, đoàn viên, hội viên và Nhân dân.\n- Báo cáo viên: Phân công đồng chí bí thư chi bộ, đảng bộ cơ sở làm báo cáo viên.\n- Thời gian: Hoàn thành trong tháng **5/2026**.',
        },
      ],
    },
    {
      number: 'IV',
      title: 'TỔ CHỨC THỰC HIỆN',
      line: 51,
      children: [
        {
          number: '1',
          title: 'Ban xây dựng Đảng',
          line: 53,
          text: '- Chủ trì, phối hợp với các cơ quan, đơn vị liên quan đẩy mạnh công tác thông tin tuyên truyền Nghị quyết số 91-NQ/TU; Kế hoạch của Ban Thường vụ Đảng ủy phường thực hiện Nghị quyết 91-NQ/TU bảo đảm thiết thực, hiệu quả. Phối hợp phát hành các tài liệu phục vụ phổ biến, quán triệt, tuyên truyền và triển khai thực hiện.\n\n- Tham mưu Ban Thường vụ Đảng ủy: Báo cáo kết quả học tập, quán triệt và triển khai thực hiện. Hoàn thành trước ngày **05/6/2026**.\n\n- Chủ trì, hướng dẫn, đôn đốc, kiểm tra các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc trong việc tổ chức phổ biến, quán triệt các văn bản của Đảng theo quy định.',
        },
        {
          number: '2',
          title: 'Ủy ban nhân dân phường',
          line: 61,
          text: 'Tham mưu xây dựng Kế hoạch của Ban Thường vụ Đảng ủy phường thực hiện Nghị quyết số 91-NQ/TU bảo đảm thiết thực, phù hợp với điều kiện của phường. Trình Thường trực Đảng ủy, Ban Thường vụ Đảng ủy theo quy định.\n\nChỉ đạo các cơ quan, đơn vị, tổ dân phố tăng cường thông tin tuyên truyền các nội dung cốt lõi của Nghị quyết đến cán bộ, công chức, viên chức, người lao động và Nhân dân trên địa bàn bảo đảm thiết thực, hiệu quả. Hoàn thành trong tháng **5/2026**.',
        },
        {
          number: '3',
          title: 'Văn phòng Đảng ủy',
          line: 67,
          text: 'Chủ trì, phối hợp với các cơ quan liên quan chuẩn bị các điều kiện phục vụ Hội nghị của Đảng ủy tuyên truyền, phổ biến, quán triệt và học tập Nghị quyết; triệu tập đại biểu dự Hội nghị và chuẩn bị các điều kiện khác để tổ chức hội nghị bảo đảm thiết thực, hiệu quả.',
        },
        {
          number: '4',
          title: 'Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc',
          line: 71,
          text: '- Chỉ đạo tổ chức nghiêm túc việc tuyên truyền, phổ biến, quán triệt và học tập Nghị quyết số 91-NQ/TU, Kế hoạch của Ban Thường vụ Đảng ủy phường thực hiện Nghị quyết 91-NQ/TU bảo đảm thiết thực, hiệu quả phù hợp với điều kiện cụ thể của địa phương, cơ quan, đơn vị; thực hiện nghiêm túc việc đánh giá chất lượng học tập theo Quy định số 22-QĐ/TU của Ban Thường vụ Tỉnh ủy. Hoàn thành trong tháng **5/2026**.\n\n- Tổng hợp, báo cáo kết quả phổ biến, quán triệt với Ban Thường vụ Đảng ủy (qua Ban xây dựng Đảng tổng hợp) trước ngày **05/6/2026**.',
        },
      ],
    },
  ],
  conferences: [],
  tasks: [],
  selfAssessment: null,
  recipients: [
    'Ban Tuyên giáo và Dân vận Tỉnh ủy (báo cáo)',
    'Các đ/c Ủy viên BCH Đảng bộ phường',
    'Ủy ban nhân dân phường',
    'Các cơ chuyên trách tham mưu, giúp việc Đảng ủy',
    'Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc',
    'Lưu Văn phòng Đảng ủy',
  ],
  signature: {
    onBehalfOf: 'T/M BAN THƯỜNG VỤ',
    position: 'PHÓ BÍ THƯ',
    name: 'Nguyễn Mạnh Hùng',
  },
  diagnostics: [],
};
