/**
 * Metrics the platform can measure from its own data and show beside what a unit claims (with a drill-down list
 * in the feature layer). Catalogue rows link to them by id; a province catalogue may use only these ids, so the
 * feature knows how to compute every metric it meets. Shares are 0–1, counts are whole numbers.
 */
export const DX_METRICS = {
  subjects_with_digital_materials_share: 'Tỷ lệ môn học có học liệu số trong kho học liệu',
  computer_based_tests_held: 'Số bài kiểm tra tổ chức trên máy tính trong năm học',
  test_results_synced_to_gradebook: 'Kết quả bài kiểm tra trên máy tính được chuyển vào sổ điểm điện tử',
  teachers_with_training_accounts_share: 'Tỷ lệ giáo viên có tài khoản và hoạt động bồi dưỡng trực tuyến',
  teachers_using_teaching_software_share:
    'Tỷ lệ giáo viên sử dụng phần mềm hỗ trợ dạy học (bài giảng, giao bài)',
  teachers_building_digital_materials_share: 'Tỷ lệ giáo viên có học liệu số tự xây dựng trong kho học liệu',
  classrooms_with_projector_internet_share:
    'Tỷ lệ phòng học có thiết bị trình chiếu và kết nối Internet (sổ tài sản)',
  staff_active_accounts: 'Số cán bộ, giáo viên, nhân viên có tài khoản đang hoạt động',
  students_in_management_system_share: 'Tỷ lệ học sinh có hồ sơ trên hệ thống quản trị nhà trường',
  classes_with_gradebook_share: 'Tỷ lệ lớp dùng sổ điểm điện tử, học bạ điện tử',
  students_with_approved_transcripts_share: 'Tỷ lệ học sinh có học bạ điện tử đã được duyệt',
  staff_in_management_system_share: 'Tỷ lệ cán bộ, giáo viên, nhân viên có hồ sơ trên hệ thống',
  assets_registered_share: 'Tỷ lệ tài sản, thiết bị được quản lý trên sổ tài sản điện tử',
  students_with_health_records_share: 'Tỷ lệ học sinh có hồ sơ sức khỏe điện tử',
  sector_database_sync_current: 'Dữ liệu đã đồng bộ với CSDL ngành trong kỳ báo cáo gần nhất',
  guardians_active_accounts_share: 'Tỷ lệ cha mẹ học sinh có tài khoản đang hoạt động',
  online_admission_applications: 'Số hồ sơ tuyển sinh đầu cấp nộp trực tuyến',
  cashless_payments_share: 'Tỷ lệ khoản thu thanh toán không dùng tiền mặt',
  managed_schools_assessed_share: 'Tỷ lệ cơ sở giáo dục trực thuộc đã tự đánh giá và được đánh giá ngoài',
  managed_schools_level_share: 'Tỷ lệ cơ sở giáo dục trực thuộc được công nhận từ Mức 2 trở lên',
  managed_schools_level_3_share: 'Tỷ lệ cơ sở giáo dục trực thuộc được công nhận Mức 3',
} as const satisfies Record<string, string>;

export type DxMetricId = keyof typeof DX_METRICS;

export function isDxMetricId(id: string): id is DxMetricId {
  return Object.hasOwn(DX_METRICS, id);
}
