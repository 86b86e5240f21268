/**
 * The registry of what the server writes to the audit log: every entity and action, with its Vietnamese words.
 * `platform/audit` and the gradebook's cell audit accept only these values (a new one does not compile until it
 * is named here), and `audit-labels.test.ts` scans the code for audit calls whose literal is missing. The web's
 * `enums` catalogue takes its Vietnamese words from here; the audit API returns them with each row.
 */

export const AUDIT_ENTITY_LABEL_VI = {
  unit: 'Đơn vị',
  school_year: 'Năm học',
  staff: 'Cán bộ',
  department: 'Tổ chuyên môn',
  staffing_quota: 'Biên chế được giao',
  user: 'Tài khoản',
  role_assignment: 'Vai trò',
  student: 'Học sinh',
  guardian: 'Cha mẹ học sinh',
  class: 'Lớp học',
  enrolment: 'Xếp lớp',
  subject_score: 'Điểm môn học',
  attendance: 'Điểm danh',
  conduct: 'Rèn luyện',
  teaching_assignment: 'Phân công giảng dạy',
  gradebook_term: 'Sổ điểm học kì',
  gradebook_unlock: 'Mở khoá sổ',
  results: 'Tổng kết',
  student_results: 'Kết quả của học sinh',
  primary_evaluations: 'Đánh giá tiểu học',
  rollover_plan: 'Kế hoạch lên lớp',
  transcript: 'Học bạ',
  class_note: 'Sổ liên lạc',
  assessment: 'Hồ sơ đánh giá chuyển đổi số',
  assessment_item: 'Tiêu chí tự đánh giá',
  assessment_evidence: 'Minh chứng',
  assessment_campaign: 'Đợt đánh giá chuyển đổi số',
  assessment_team: 'Đoàn đánh giá',
  assessment_catalogue: 'Bộ tiêu chí',
  recognition_decision: 'Quyết định công nhận',
  practical_exemptions: 'Miễn học phần thực hành',
  individual_plans: 'Kế hoạch giáo dục cá nhân',
  primary_support: 'Hướng dẫn, giúp đỡ học sinh chưa hoàn thành chương trình lớp học',
  notification_preferences: 'Cài đặt nhận thông báo',
  notification_school_settings: 'Cài đặt thông báo của trường',
  demo_data: 'Dữ liệu mẫu',
  question: 'Câu hỏi (ngân hàng)',
} as const;
export type AuditEntity = keyof typeof AUDIT_ENTITY_LABEL_VI;
export const AUDIT_ENTITIES = Object.keys(AUDIT_ENTITY_LABEL_VI) as AuditEntity[];

export const AUDIT_ACTION_LABEL_VI = {
  create: 'Tạo mới',
  update: 'Sửa',
  delete: 'Xoá',
  remove: 'Rút khỏi lớp',
  move: 'Chuyển',
  merge: 'Sáp nhập',
  grant: 'Cấp vai trò',
  revoke: 'Gỡ vai trò',
  reset_password: 'Đặt lại mật khẩu',
  change_password: 'Đổi mật khẩu',
  deactivate: 'Vô hiệu hoá',
  reactivate: 'Kích hoạt lại',
  link_staff: 'Gắn hồ sơ cán bộ',
  link_account: 'Gắn tài khoản có sẵn',
  create_account: 'Tạo tài khoản',
  set_current_school_year: 'Đặt năm học hiện tại',
  change_status: 'Đổi tình trạng',
  lock: 'Khoá sổ',
  unlock: 'Mở khoá sổ',
  relock: 'Khoá lại sổ',
  close_term1: 'Tổng kết học kì I',
  close_term2: 'Tổng kết học kì II',
  close_year: 'Tổng kết năm học',
  summer: 'Kết quả sau hè',
  rollover: 'Lên lớp, chuyển năm học',
  save: 'Lưu',
  primary_recognition: 'Khen thưởng tiểu học',
  sign_homeroom: 'GVCN ký học bạ',
  approve: 'Hiệu trưởng duyệt học bạ',
  correct: 'Đính chính học bạ',
  acknowledge: 'Xác nhận đã đọc',
  started: 'Bắt đầu tự đánh giá',
  approved: 'Thủ trưởng phê duyệt',
  submitted: 'Nộp hồ sơ',
  resubmitted: 'Nộp lại hồ sơ',
  review_started: 'Bắt đầu đánh giá ngoài',
  returned: 'Trả lại hồ sơ',
  assessed: 'Kết thúc đánh giá ngoài',
  recognised: 'Công nhận mức độ',
  claim: 'Tự đánh giá tiêu chí',
  claim_measured: 'Lấy số liệu đo được',
  assign: 'Phân công tiêu chí',
  review: 'Đánh giá tiêu chí',
  remind: 'Nhắc nộp hồ sơ',
  import: 'Nhập bộ tiêu chí',
  erase: 'Xoá dữ liệu cá nhân',
  seed: 'Tạo dữ liệu mẫu',
  // Written once by migrations 0060 and 0082.
  login_name_migrated: 'Đổi tên đăng nhập khi nâng cấp',
  reopen_finished_year: 'Mở lại xếp lớp của năm đã kết thúc',
  exempt_practical: 'Ghi quyết định miễn thực hành',
  withdraw_exemption: 'Huỷ quyết định miễn thực hành',
  set_individual_plan: 'Đánh giá theo kế hoạch giáo dục cá nhân',
  support_plan: 'Lập kế hoạch hướng dẫn, giúp đỡ',
  further_assessment: 'Đánh giá bổ sung',
  clear_individual_plan: 'Bỏ đánh giá theo kế hoạch giáo dục cá nhân',
  principal_decision: 'Hiệu trưởng quyết định lên lớp',
  unsubscribe: 'Huỷ nhận thư',
  receive_merged: 'Tiếp nhận trường sáp nhập',
  receive_moved: 'Tiếp nhận đơn vị chuyển đến',
  submit: 'Gửi duyệt',
  reject: 'Trả lại để sửa',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTION_LABEL_VI;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABEL_VI) as AuditAction[];

/**
 * The areas the log is filtered by, each a set of entities: a principal looks for "who changed the scores", not
 * for the entity name `subject_score`. Every entity belongs to exactly one area (audit-labels.test.ts).
 */
export const AUDIT_AREA_ENTITIES = {
  scores: [
    'subject_score',
    'gradebook_term',
    'gradebook_unlock',
    'teaching_assignment',
    'primary_evaluations',
    'practical_exemptions',
  ],
  attendance: ['attendance'],
  conduct: ['conduct'],
  results: [
    'results',
    'student_results',
    'individual_plans',
    'primary_support',
    'rollover_plan',
    'transcript',
  ],
  students: ['student', 'guardian', 'class', 'enrolment', 'class_note'],
  staff: ['staff', 'department', 'staffing_quota'],
  accounts: ['user', 'role_assignment', 'notification_preferences', 'notification_school_settings'],
  units: ['unit', 'school_year', 'demo_data'],
  dx: [
    'assessment',
    'assessment_item',
    'assessment_evidence',
    'assessment_campaign',
    'assessment_team',
    'assessment_catalogue',
    'recognition_decision',
  ],
  question_bank: ['question'],
} as const satisfies Record<string, readonly AuditEntity[]>;
export type AuditArea = keyof typeof AUDIT_AREA_ENTITIES;
export const AUDIT_AREAS = Object.keys(AUDIT_AREA_ENTITIES) as AuditArea[];

export const AUDIT_AREA_LABEL_VI: Record<AuditArea, string> = {
  scores: 'Sổ điểm',
  attendance: 'Điểm danh',
  conduct: 'Rèn luyện',
  results: 'Kết quả, học bạ',
  students: 'Học sinh, lớp, sổ liên lạc',
  staff: 'Cán bộ, tổ chuyên môn',
  accounts: 'Tài khoản, vai trò',
  units: 'Đơn vị, năm học',
  dx: 'Chuyển đổi số',
  question_bank: 'Ngân hàng câu hỏi',
};

/** What a data-access row's `detail` code means; free text (an erasure's reason) is shown as written. */
export const DATA_ACCESS_DETAIL_LABEL_VI: Record<string, string> = {
  contact_book: 'Sổ liên lạc',
  contact_book_own: 'Sổ liên lạc (của con mình / của mình)',
  transcript: 'Học bạ',
  transcript_own: 'Học bạ (của con mình / của mình)',
  transcript_version: 'Bản học bạ đã lưu',
  own_record: 'Hồ sơ của con mình / của mình',
  excel: 'Tệp Excel',
};

export const DATA_ACCESS_ACTION_LABEL_VI = {
  view: 'Xem',
  export: 'Xuất',
  list_export: 'Xuất danh sách',
  erase: 'Xoá dữ liệu cá nhân',
} as const;

export const DATA_SUBJECT_LABEL_VI = {
  student: 'Học sinh',
  staff: 'Cán bộ',
  guardian: 'Cha mẹ học sinh',
} as const;

export const auditEntityLabel = (entity: string): string =>
  (AUDIT_ENTITY_LABEL_VI as Record<string, string>)[entity] ?? entity;
export const auditActionLabel = (action: string): string =>
  (AUDIT_ACTION_LABEL_VI as Record<string, string>)[action] ?? action;

/** A data-access detail in words: known codes by name, `student:<id>` (a guardian's export) without its id. */
export function dataAccessDetailLabel(detail: string | null): string | null {
  if (detail === null) return null;
  if (detail.startsWith('student:')) return 'Kèm hồ sơ của học sinh';
  return DATA_ACCESS_DETAIL_LABEL_VI[detail] ?? detail;
}
