import { z } from 'zod';
import { isoDate, line, pageOf, pageQuery, searchTerm } from '#contracts/common.ts';
import { SUBJECTS } from '../domain/curriculum/index.ts';
import { GENDERS } from '../domain/identity/national-id.ts';
import { nationalIdField } from './students.ts';

export const STAFF_POSITIONS = [
  'principal',
  'vice_principal',
  'teacher',
  'staff',
  'office_head',
  'office_deputy',
  'specialist',
] as const;
export type StaffPosition = (typeof STAFF_POSITIONS)[number];

export const POSITION_LABEL_VI: Record<StaffPosition, string> = {
  principal: 'Hiệu trưởng',
  vice_principal: 'Phó hiệu trưởng',
  teacher: 'Giáo viên',
  staff: 'Nhân viên',
  office_head: 'Thủ trưởng cơ quan',
  office_deputy: 'Phó thủ trưởng cơ quan',
  specialist: 'Chuyên viên',
};

/** What a support-staff member does; the staffing table counts support staff per role. */
export const STAFF_ROLES = [
  'accountant',
  'clerk',
  'treasurer',
  'librarian',
  'equipment',
  'medical',
  'it',
  'disability_support',
  'cook',
  'security',
  'janitor',
  'other',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABEL_VI: Record<StaffRole, string> = {
  accountant: 'Kế toán',
  clerk: 'Văn thư',
  treasurer: 'Thủ quỹ',
  librarian: 'Thư viện',
  equipment: 'Thiết bị, thí nghiệm',
  medical: 'Y tế',
  it: 'Công nghệ thông tin',
  disability_support: 'Hỗ trợ giáo dục người khuyết tật',
  cook: 'Nấu ăn',
  security: 'Bảo vệ',
  janitor: 'Phục vụ',
  other: 'Khác',
};

export const QUALIFICATIONS = [
  'below_intermediate',
  'intermediate',
  'college',
  'bachelor',
  'master',
  'doctorate',
] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

export const QUALIFICATION_LABEL_VI: Record<Qualification, string> = {
  below_intermediate: 'Dưới trung cấp',
  intermediate: 'Trung cấp',
  college: 'Cao đẳng',
  bachelor: 'Đại học',
  master: 'Thạc sĩ',
  doctorate: 'Tiến sĩ',
};

export const EMPLOYMENT_STATUSES = [
  'official',
  'contract',
  'probation',
  'on_leave',
  'retired',
  'left',
] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

/** Staff counted as "hiện có" in the staffing table. */
export const ACTIVE_EMPLOYMENT_STATUSES = ['official', 'contract', 'probation'] as const;

export const EMPLOYMENT_STATUS_LABEL_VI: Record<EmploymentStatus, string> = {
  official: 'Biên chế',
  contract: 'Hợp đồng',
  probation: 'Tập sự',
  on_leave: 'Nghỉ dài hạn',
  retired: 'Nghỉ hưu',
  left: 'Đã chuyển đi / nghỉ việc',
};

const SUBJECT_CODES = SUBJECTS.map((s) => s.code) as [string, ...string[]];

/** An empty form field means "no value". */
export const blank = z.literal('').transform(() => null);

/** A Vietnamese phone number (spaces and dots allowed while typing), or nothing. */
export const optionalPhone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.]/g, ''))
  .pipe(z.string().regex(/^(\+84|0)[0-9]{9,10}$/, 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.'))
  .nullish()
  .or(blank);

export const optionalEmail = z.email('E-mail không hợp lệ.').nullish().or(blank);

/**
 * One staff record as entered in the form or read from an import row. The national ID is checked here, by the same
 * field as a student's (checkNationalId): malformed numbers are refused, so the import's preview (which parses rows
 * with this schema) and the service (which parses its input with it again) refuse the same numbers (issue 11 §6);
 * mismatches with birth date or gender come back as warnings.
 */
export const staffInput = z.object({
  fullName: line('Họ và tên')
    .min(2, 'Nhập họ và tên (ít nhất 2 ký tự).')
    .max(100, 'Họ và tên dài quá 100 ký tự.'),
  birthDate: isoDate.nullish().or(blank),
  gender: z.enum(GENDERS, 'Chọn Nam hoặc Nữ.').nullish(),
  nationalId: nationalIdField,
  phone: optionalPhone,
  email: optionalEmail,
  position: z.enum(STAFF_POSITIONS, 'Chọn chức vụ.'),
  staffRole: z.enum(STAFF_ROLES, 'Vị trí việc làm không hợp lệ.').nullish(),
  qualification: z.enum(QUALIFICATIONS, 'Trình độ không hợp lệ.').nullish(),
  mainSubject: z.enum(SUBJECT_CODES, 'Môn dạy chính không có trong chương trình GDPT 2018.').nullish(),
  departmentId: z.uuid('Tổ chuyên môn không hợp lệ.').nullish(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES, 'Tình trạng công tác không hợp lệ.').optional(),
  startDate: isoDate.nullish().or(blank),
});
export type StaffInput = z.infer<typeof staffInput>;

export const createStaffBody = staffInput.extend({ unitId: z.uuid('Chọn đơn vị.') });
export const updateStaffBody = staffInput.partial();
export type UpdateStaffInput = z.infer<typeof updateStaffBody>;

export const listStaffQuery = pageQuery.extend({
  unitId: z.uuid('Chọn đơn vị.'),
  q: searchTerm,
  departmentId: z.uuid().optional(),
  position: z.enum(STAFF_POSITIONS).optional(),
  status: z.enum(EMPLOYMENT_STATUSES).optional(),
  /** Only records whose national ID another staff record in the province also carries. */
  duplicatesOnly: z.stringbool().optional(),
});
export type ListStaffQuery = z.infer<typeof listStaffQuery>;

export const issueSchema = z.object({ code: z.string(), message: z.string() });

export const staffSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  fullName: z.string(),
  /** Birth date and national ID are personal data: null unless `personalDataVisible`. */
  birthDate: z.string().nullable(),
  nationalId: z.string().nullable(),
  personalDataVisible: z.boolean(),
  gender: z.enum(GENDERS).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  position: z.enum(STAFF_POSITIONS),
  staffRole: z.enum(STAFF_ROLES).nullable(),
  qualification: z.enum(QUALIFICATIONS).nullable(),
  mainSubject: z.string().nullable(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES),
  startDate: z.string().nullable(),
  userId: z.uuid().nullable(),
  username: z.string().nullable(),
  /** National ID disagrees with birth date or gender, or has an unknown place code (accepted, to be checked). */
  warnings: z.array(issueSchema),
  /** Another staff record in the same province carries the same national ID. */
  duplicateNationalId: z.boolean(),
  updatedAt: z.string(),
});
export type Staff = z.infer<typeof staffSchema>;

export const staffPageSchema = pageOf(staffSchema);
export type StaffPage = z.infer<typeof staffPageSchema>;
