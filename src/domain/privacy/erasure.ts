/**
 * What happens to each kind of data the platform holds about a student when their personal data is erased on
 * request (Law 91/2025/QH15 Điều 4 khoản 1 and Điều 14). The right to erasure gives way where another law obliges
 * the school to keep the record (Điều 14 khoản 1: "trường hợp khác theo quy định của pháp luật"; Điều 4 khoản 3: the
 * data subject's request must not obstruct the controller's legal obligations). The evaluation records of TT22/2021
 * and TT27/2020 (sổ theo dõi và đánh giá học sinh, học bạ) are such records, and TT27/2016 keeps the học bạ
 * permanently at the school; so what they need is kept and restricted, and everything else is erased. See
 * docs/privacy.md for the decision and its sources.
 */

/** erase: cleared for good; restrict: kept under a legal obligation, no longer processed for anything else. */
export type ErasureTreatment = 'erase' | 'restrict';

export interface PersonalDataKind {
  key: PersonalDataKey;
  /** Vietnamese name of the data, as the preview lists it. */
  label: string;
  treatment: ErasureTreatment;
  /** Why, in Vietnamese, citing the rule. */
  basis: string;
}

export type PersonalDataKey =
  | 'identity'
  | 'demographics'
  | 'national_id'
  | 'address'
  | 'household_and_policy'
  | 'guardians'
  | 'student_account'
  | 'guardian_account_links'
  | 'attendance_notes'
  | 'audit_values'
  | 'status_and_classes'
  | 'evaluation_records'
  | 'approved_transcripts'
  | 'access_log';

const RECORDS = 'hồ sơ đánh giá học sinh (TT22/2021/TT-BGDĐT; TT27/2020/TT-BGDĐT với tiểu học)';
const KEEP_BY_LAW = 'Luật 91/2025/QH15 Điều 14 khoản 1: trường hợp khác theo quy định của pháp luật';
const ERASE_ON_REQUEST =
  'Luật 91/2025/QH15 Điều 4 khoản 1, Điều 14 khoản 1: xoá theo yêu cầu của chủ thể dữ liệu';

export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = [
  {
    key: 'identity',
    label: 'Họ và tên, ngày sinh, nơi sinh, số đăng bộ, mã định danh học sinh của Bộ',
    treatment: 'restrict',
    basis: `Học bạ (trang thông tin học sinh) và ${RECORDS} ghi các thông tin này; học bạ lưu vĩnh viễn tại trường (TT27/2016/TT-BGDĐT). ${KEEP_BY_LAW}.`,
  },
  {
    key: 'demographics',
    label: 'Giới tính, dân tộc, khuyết tật',
    treatment: 'restrict',
    basis: `Học bạ ghi giới tính, dân tộc; số liệu thống kê đã báo cáo đếm theo các chiều này. ${KEEP_BY_LAW}.`,
  },
  {
    key: 'status_and_classes',
    label: 'Trạng thái học tập (kèm lần thôi học), lớp đã học',
    treatment: 'restrict',
    basis: `Danh sách lớp, sổ theo dõi và đánh giá học sinh của các năm đã học. ${KEEP_BY_LAW}.`,
  },
  {
    key: 'evaluation_records',
    label: 'Điểm, nhận xét, rèn luyện, chuyên cần, kết quả học tập, khen thưởng, lên lớp',
    treatment: 'restrict',
    basis: `${RECORDS}. ${KEEP_BY_LAW}.`,
  },
  {
    key: 'approved_transcripts',
    label: 'Học bạ đã ký, đã duyệt (mọi phiên bản)',
    treatment: 'restrict',
    basis: `Văn bản đã ký giữ nguyên như khi duyệt, lưu vĩnh viễn (TT27/2016/TT-BGDĐT). ${KEEP_BY_LAW}.`,
  },
  {
    key: 'access_log',
    label: 'Nhật ký truy cập dữ liệu cá nhân',
    treatment: 'restrict',
    basis:
      'Chứng minh việc xử lý, kể cả việc xoá, đúng quy định (Luật 91/2025/QH15; Nghị định 356/2025/NĐ-CP).',
  },
  { key: 'national_id', label: 'Số định danh cá nhân', treatment: 'erase', basis: ERASE_ON_REQUEST },
  { key: 'address', label: 'Nơi ở', treatment: 'erase', basis: ERASE_ON_REQUEST },
  {
    key: 'household_and_policy',
    label: 'Hộ nghèo, cận nghèo, diện chính sách',
    treatment: 'erase',
    basis: ERASE_ON_REQUEST,
  },
  {
    key: 'guardians',
    label: 'Cha mẹ, người giám hộ: họ tên, nghề nghiệp, điện thoại, email',
    treatment: 'erase',
    basis: ERASE_ON_REQUEST,
  },
  {
    key: 'student_account',
    label: 'Tài khoản đăng nhập của học sinh (khoá, xoá tên và liên lạc)',
    treatment: 'erase',
    basis: ERASE_ON_REQUEST,
  },
  {
    key: 'guardian_account_links',
    label: 'Liên kết tài khoản của cha mẹ với học sinh',
    treatment: 'erase',
    basis: ERASE_ON_REQUEST,
  },
  {
    key: 'attendance_notes',
    label: 'Ghi chú tự do khi điểm danh (lý do nghỉ, sức khoẻ)',
    treatment: 'erase',
    basis: `${ERASE_ON_REQUEST}; số buổi nghỉ vẫn giữ trong hồ sơ đánh giá.`,
  },
  {
    key: 'audit_values',
    label: 'Giá trị cũ/mới trong nhật ký thay đổi hồ sơ học sinh',
    treatment: 'erase',
    basis: `${ERASE_ON_REQUEST}; dòng nhật ký (ai, khi nào, làm gì) vẫn giữ.`,
  },
];

/** The erasure preview: what goes, what stays and why. */
export function erasurePlan(): { erased: PersonalDataKind[]; restricted: PersonalDataKind[] } {
  return {
    erased: PERSONAL_DATA_KINDS.filter((k) => k.treatment === 'erase'),
    restricted: PERSONAL_DATA_KINDS.filter((k) => k.treatment === 'restrict'),
  };
}

export function treatmentOf(key: PersonalDataKey): ErasureTreatment {
  const kind = PERSONAL_DATA_KINDS.find((k) => k.key === key);
  if (!kind) throw new Error(`unknown personal data kind ${key}`);
  return kind.treatment;
}

/**
 * The student columns each treatment covers: the erasure clears the first list and the restricted record keeps the
 * second. Every column of `students` holding personal data appears in exactly one (the test checks the split).
 */
export const STUDENT_COLUMNS: Record<ErasureTreatment, readonly string[]> = {
  erase: [
    'national_id',
    'national_id_confirmed',
    'address',
    'poor_household',
    'near_poor_household',
    'policy_flags',
    'user_id',
    'search_text',
  ],
  restrict: [
    'full_name',
    'birth_date',
    'birth_place',
    'registration_number',
    'moet_student_code',
    'gender',
    'ethnicity',
    'disability',
    'status',
  ],
};
