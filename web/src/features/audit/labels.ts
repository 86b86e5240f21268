/**
 * Vietnamese names of the entities and actions features write to the audit log, shown through i18next (the `enums`
 * namespace, src/i18n/enums.ts); unknown ones show as written.
 */
export const ENTITY_LABEL_VI: Record<string, string> = {
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
};

export const ACTION_LABEL_VI: Record<string, string> = {
  create: 'Tạo mới',
  update: 'Sửa',
  delete: 'Xoá',
  move: 'Chuyển đơn vị cấp trên',
  merge: 'Sáp nhập',
  grant: 'Cấp vai trò',
  revoke: 'Gỡ vai trò',
  reset_password: 'Đặt lại mật khẩu',
  change_password: 'Đổi mật khẩu',
  deactivate: 'Vô hiệu hoá',
  reactivate: 'Kích hoạt lại',
  link_staff: 'Gắn hồ sơ cán bộ',
  set_current_school_year: 'Đặt năm học hiện tại',
  view: 'Xem',
  export: 'Xuất',
  list_export: 'Xuất danh sách',
  erase: 'Xoá dữ liệu cá nhân',
};

export const SUBJECT_KIND_LABEL_VI: Record<string, string> = {
  student: 'Học sinh',
  staff: 'Cán bộ',
  guardian: 'Cha mẹ học sinh',
};
