/**
 * Vietnamese names of the API's request fields, for messages that name a field ("Dữ liệu không hợp lệ ở mục «Lý do»:
 * …"). One map for every route: a field is named by its last key, so `reason` reads «Lý do» in every body that has
 * one. `src/contracts/field-labels.test.ts` fails when a request field of the OpenAPI document has no name here.
 */
export const FIELD_LABEL_VI: Record<string, string> = {
  absences: 'Học sinh vắng',
  actor: 'Người thực hiện',
  address: 'Địa chỉ',
  agreedAnswer: 'Điểm thống nhất',
  answer: 'Điểm tự đánh giá',
  aspect: 'Nội dung đánh giá',
  assessmentIds: 'Đơn vị được công nhận',
  assignmentId: 'Phân công giảng dạy',
  base: 'Giá trị đã tải',
  birthDate: 'Ngày sinh',
  body: 'Nội dung',
  catalogueCode: 'Mã bộ tiêu chí',
  catalogueVersion: 'Phiên bản bộ tiêu chí',
  category: 'Loại',
  checkpoint: 'Thời điểm đánh giá',
  classes: 'Lớp mới',
  classId: 'Lớp',
  className: 'Tên lớp',
  code: 'Mã',
  comment: 'Nhận xét',
  commune: 'Xã/phường',
  count: 'Số lượng',
  currentPassword: 'Mật khẩu hiện tại',
  date: 'Ngày',
  decidedOn: 'Ngày ký',
  decisionDate: 'Ngày quyết định',
  decisionNumber: 'Số quyết định',
  departmentId: 'Tổ chuyên môn',
  description: 'Mô tả',
  disability: 'Khuyết tật',
  district: 'Quận/huyện',
  duplicatesOnly: 'Chỉ bản ghi trùng',
  effectiveOn: 'Ngày hiệu lực',
  email: 'Thư điện tử',
  employmentStatus: 'Tình trạng công tác',
  endsOn: 'Ngày kết thúc',
  enrolledOn: 'Ngày vào lớp',
  entity: 'Đối tượng',
  entryDeadline: 'Hạn nhập điểm',
  ethnicity: 'Dân tộc',
  evidenceId: 'Minh chứng',
  excused: 'Có phép',
  expectedState: 'Trạng thái lúc xem trước',
  externalComment: 'Nhận xét đánh giá ngoài',
  externalEndsOn: 'Kết thúc đánh giá ngoài',
  externalStartsOn: 'Bắt đầu đánh giá ngoài',
  fileId: 'Tệp',
  final: 'ĐĐGck',
  from: 'Từ ngày',
  fromYear: 'Từ năm học',
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  grade: 'Khối',
  gradeFrom: 'Từ khối',
  gradeTo: 'Đến khối',
  group: 'Nhóm',
  guardians: 'Cha mẹ, người giám hộ',
  headStaffId: 'Tổ trưởng',
  homeroomTeacherId: 'Giáo viên chủ nhiệm',
  id: 'Mã',
  includeInactive: 'Gồm cả bản ghi ngừng hoạt động',
  intoUnitId: 'Đơn vị tiếp nhận',
  itemId: 'Tiêu chí',
  items: 'Danh sách tiêu chí',
  kind: 'Loại',
  learningTopics: 'Có chuyên đề học tập',
  leftOn: 'Ngày rời lớp',
  level: 'Mức',
  locked: 'Khoá',
  login: 'Tên đăng nhập',
  mainSubject: 'Môn dạy chính',
  makeup: 'Kiểm tra bù',
  members: 'Thành viên',
  met: 'Đạt',
  metricId: 'Chỉ số đo',
  midterm: 'ĐĐGgk',
  mode: 'Chế độ nhập',
  moetStudentCode: 'Mã định danh học sinh',
  movedOn: 'Ngày chuyển',
  name: 'Tên',
  nationalId: 'Số định danh cá nhân',
  nationalIdConfirmed: 'Xác nhận số định danh',
  nearPoorHousehold: 'Hộ cận nghèo',
  newPassword: 'Mật khẩu mới',
  note: 'Ghi chú',
  outcome: 'Kết quả',
  ownership: 'Loại hình',
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
  parentId: 'Đơn vị cấp trên',
  password: 'Mật khẩu',
  percent: 'Tỷ lệ (%)',
  periodsPerYear: 'Số tiết cả năm',
  phone: 'Số điện thoại',
  points: 'Điểm',
  policyFlags: 'Diện chính sách',
  poorHousehold: 'Hộ nghèo',
  position: 'Chức vụ',
  progress: 'Tiến độ',
  province: 'Tỉnh/thành phố',
  publicationOn: 'Ngày công khai',
  q: 'Từ khoá tìm kiếm',
  qualification: 'Trình độ',
  quota: 'Biên chế được giao',
  quotas: 'Biên chế được giao',
  ratio: 'Tỷ lệ',
  reason: 'Lý do',
  recognition: 'Danh hiệu Học sinh Tiêu biểu',
  regular: 'ĐĐGtx',
  relationship: 'Quan hệ',
  result: 'Kết quả',
  retests: 'Kiểm tra lại',
  role: 'Vai trò',
  roles: 'Vai trò',
  room: 'Phòng học',
  rows: 'Danh sách',
  schoolYear: 'Năm học',
  scope: 'Phạm vi',
  score: 'Điểm',
  selfAssessmentStartsOn: 'Bắt đầu tự đánh giá',
  session: 'Buổi',
  shortName: 'Tên viết tắt',
  signerName: 'Người ký',
  signerTitle: 'Chức vụ người ký',
  staffId: 'Cán bộ',
  staffRole: 'Vị trí việc làm',
  startDate: 'Ngày bắt đầu',
  startsOn: 'Ngày bắt đầu',
  status: 'Trạng thái',
  statusSince: 'Từ ngày',
  studentId: 'Học sinh',
  studentIds: 'Học sinh',
  subItems: 'Tiêu chí thành phần',
  subjectCode: 'Môn học',
  subjectKind: 'Đối tượng áp dụng',
  submissionDeadline: 'Hạn nộp tự đánh giá',
  summerConduct: 'Rèn luyện trong hè',
  teacherId: 'Giáo viên',
  term: 'Học kỳ',
  term1EndsOn: 'Ngày kết thúc học kỳ I',
  term2StartsOn: 'Ngày bắt đầu học kỳ II',
  testScore: 'Điểm bài kiểm tra',
  title: 'Tiêu đề',
  to: 'Đến ngày',
  toClassId: 'Lớp chuyển đến',
  toYear: 'Đến năm học',
  under: 'Thuộc đơn vị',
  unitId: 'Đơn vị',
  unitIds: 'Đơn vị',
  unread: 'Chưa đọc',
  url: 'Liên kết',
  userId: 'Người dùng',
  username: 'Tên đăng nhập',
  version: 'Phiên bản',
  website: 'Trang thông tin điện tử',
};

const isIndex = (segment: string) => /^\d+$/.test(segment);

/**
 * A field path of an error (`reason`, `rows.3.regular.1`, `answer.subItems.I.5.1`) as the user reads it: the name
 * of its last known key, the position in a list counted from 1 ("dòng 4", "thứ 2"), and what follows a key that has
 * no name of its own (a criterion code). A path with no known key stays as it is, quoted.
 */
export function fieldLabelVi(path: string): string {
  const segments = path.split('.').filter(Boolean);
  let at = -1;
  for (let i = segments.length - 1; i >= 0; i--) {
    if (FIELD_LABEL_VI[segments[i] as string]) {
      at = i;
      break;
    }
  }
  if (at < 0) return `«${path || 'dữ liệu'}»`;
  const rest = segments.slice(at + 1);
  const tail =
    rest.length === 1 && isIndex(rest[0] as string)
      ? ` thứ ${Number(rest[0]) + 1}`
      : rest.length
        ? ` ${rest.join('.')}`
        : '';
  const row = segments.slice(0, at).find(isIndex);
  const where = row === undefined ? '' : ` (dòng ${Number(row) + 1})`;
  return `«${FIELD_LABEL_VI[segments[at] as string]}${tail}»${where}`;
}

/** The message of a refused request, naming its first field: "Dữ liệu không hợp lệ ở mục «Lý do»: Bắt buộc nhập." */
export function invalidFieldMessage(path: string, message: string): string {
  if (!path || path === '_') return `Dữ liệu không hợp lệ: ${message}`;
  return `Dữ liệu không hợp lệ ở mục ${fieldLabelVi(path)}: ${message}`;
}
