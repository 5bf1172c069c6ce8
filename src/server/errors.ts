// Errors are factories with stable ids. One central handler (app.ts) turns them into JSON
// `{ error: { id, message } }` with a Vietnamese message and hides the internals of 5xx errors.

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/**
 * The Vietnamese name of each thing a 404 or a 409 names: the factories take only these keys, so an
 * entity without its name is a type error, never an English word inside a Vietnamese message.
 */
const entityNames = {
  unit: 'đơn vị',
  member: 'đảng viên',
  user: 'tài khoản',
  route: 'đường dẫn',
  resolution: 'văn bản',
  plan: 'kế hoạch',
  delivery: 'văn bản được gửi',
  file: 'tệp',
  link: 'liên kết giữa hai văn bản',
  settings: 'thiết lập văn bản',
  vocabulary: 'từ vựng bổ sung',
  person: 'người',
  position: 'chức vụ',
  positionKind: 'loại chức vụ',
  exemption: 'lần miễn sinh hoạt',
  session: 'buổi sinh hoạt học tập',
  rubric: 'bộ tiêu chí',
  report: 'báo cáo của chi bộ',
  'calendar-feed': 'lịch cá nhân',
  grant: 'vai trò được giao',
  task: 'nhiệm vụ',
  evidence: 'minh chứng',
  propaganda: 'mục tuyên truyền',
  loudspeaker: 'lịch phát thanh',
  'public-commune': 'trang công khai',
  province: 'tỉnh',
  'upward-report': 'báo cáo đã gửi lên tỉnh',
  'quiz-question': 'câu hỏi',
  'quiz-settings': 'thiết lập bài kiểm tra',
  'quiz-attempt': 'lần làm bài',
  'reflection-deadline': 'hạn nộp bài thu hoạch',
  reflection: 'bài thu hoạch',
  conference: 'hội nghị',
  participant: 'người dự hội nghị',
  'consolidated-report': 'báo cáo tổng hợp',
  notification: 'thông báo',
  'notification-preferences': 'thiết lập nhận thông báo',
  'reminder-settings': 'thiết lập nhắc hạn',
} satisfies Record<string, string>;

/** A thing a 404 or a 409 names (its id's prefix). */
export type Entity = keyof typeof entityNames;
export const entities = Object.keys(entityNames) as Entity[];

const nameOf = (entity: Entity) => entityNames[entity];

export const badRequest = (id: string, message: string, details?: unknown) =>
  new AppError(400, id, message, details);

export const validationFailed = (details: unknown) =>
  new AppError(400, 'validation', 'Dữ liệu gửi lên không hợp lệ.', details);

export const unauthenticated = () =>
  new AppError(401, 'auth.required', 'Vui lòng đăng nhập để tiếp tục.');

export const invalidCredentials = () =>
  new AppError(401, 'auth.invalid-credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');

export const forbidden = (action = 'thực hiện thao tác này') =>
  new AppError(403, 'forbidden', `Bạn không có quyền ${action}.`);

export const csrfFailed = () =>
  new AppError(403, 'auth.csrf', 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.');

export const notFound = (entity: Entity) =>
  new AppError(404, `${entity}.not-found`, `Không tìm thấy ${nameOf(entity)}.`);

export const conflict = (entity: Entity, current?: unknown) =>
  new AppError(
    409,
    `${entity}.version-conflict`,
    `${capitalise(nameOf(entity))} đã được người khác sửa trong lúc bạn làm việc. Hãy tải lại để xem thay đổi mới nhất.`,
    current === undefined ? undefined : { current },
  );

export const duplicate = (id: string, message: string) => new AppError(409, id, message);

/** "10 MB" for a limit in bytes, so a message is derived from the limit it reports. */
export const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

export const payloadTooLarge = (limitText: string) =>
  new AppError(413, 'payload-too-large', `Dữ liệu gửi lên quá lớn (tối đa ${limitText}).`);

export const unsupportedMedia = (id: string, message: string) => new AppError(415, id, message);

export const tooManyRequests = () =>
  new AppError(429, 'rate-limited', 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.');

export const locked = (minutes: number) =>
  new AppError(
    423,
    'auth.locked',
    `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
  );

export const internal = () =>
  new AppError(500, 'internal', 'Đã có lỗi trong hệ thống. Vui lòng thử lại sau.');

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The record is in a state that forbids the change (an issued plan, a submitted report…). */
export const stateConflict = (id: string, message: string, current?: unknown) =>
  new AppError(409, id, message, current === undefined ? undefined : { current });

/**
 * Another process uses the embedded data folder (src/server/db/data-folder-lock.ts). Never an HTTP
 * answer: the command line prints the message and exits.
 */
export const dataFolderInUse = (dataDir: string, holder: { pid: number; command: string; startedAt: string }) => {
  const started = new Date(holder.startedAt);
  const about = [holder.command, Number.isNaN(started.getTime()) ? '' : `bắt đầu lúc ${formatLocalTime(started)}`].filter(Boolean).join(', ');
  return new AppError(
    409,
    'database.folder-in-use',
    `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder.pid}${about ? ` (${about})` : ''} sử dụng. ` +
      'Hãy dừng tiến trình đó trước, hoặc dùng QT_DATA_DIR khác.',
    { pid: holder.pid },
  );
};

/** "15:02:03 ngày 2/12/2025", in the machine's time zone. */
function formatLocalTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())} ngày ${date.getDate()}/${date.getMonth() + 1}/${date.getFullYear()}`;
}

/**
 * A stored file's record exists but its bytes are gone from QT_FILES_DIR (a lost disk, a restore
 * without the files): said plainly instead of a stream error after the headers.
 */
export const storedFileMissing = () =>
  new AppError(
    410,
    'file.missing',
    'Tệp này không còn trên máy chủ. Vui lòng báo quản trị viên khôi phục thư mục tệp từ bản sao lưu.',
  );

/** A session opened with a one-time code may do nothing but set a new password (decision 016). */
export const passwordChangeRequired = () =>
  new AppError(403, 'password-change-required', 'Bạn cần đặt mật khẩu mới trước khi tiếp tục.');

/** Every failed sign-in with a one-time code: wrong, used, expired, or an unknown account alike. */
export const oneTimeCodeInvalid = () =>
  new AppError(
    401,
    'auth.one-time-code-invalid',
    'Mã dùng một lần không đúng, đã được dùng hoặc đã hết hạn. Vui lòng liên hệ Văn phòng Đảng ủy để được cấp mã mới.',
  );

/**
 * A backup file restore refuses (src/server/backup): never an HTTP answer, the command line prints it.
 * Ids: backup.not-found, backup.foreign, backup.version, backup.truncated, backup.corrupt, backup.schema.
 */
export const backupRefused = (id: string, message: string) => new AppError(400, `backup.${id}`, message);
