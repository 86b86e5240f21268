import { z } from 'zod';
import { isoDate, line, multiline, pageOf, pageQuery, refuseBadText, searchTerm } from '#contracts/common.ts';
import { ETHNICITY_KEYS } from '../domain/identity/ethnicities.ts';
import { checkMoetStudentCode } from '../domain/identity/moet-student-code.ts';
import { checkNationalId, GENDERS } from '../domain/identity/national-id.ts';
import { normaliseName } from '../domain/text/name.ts';

export const STUDENT_STATUSES = [
  'enrolled',
  'transferred_in',
  'transferred_out',
  'dropped_out',
  'graduated',
] as const;
export type StudentStatus = (typeof STUDENT_STATUSES)[number];

export const STUDENT_STATUS_LABEL_VI: Record<StudentStatus, string> = {
  enrolled: 'Đang học',
  transferred_in: 'Chuyển đến',
  transferred_out: 'Chuyển đi',
  dropped_out: 'Bỏ học',
  graduated: 'Đã tốt nghiệp / hoàn thành',
};

/** Statuses in which the student attends the school (counted in "enrolled on 30/9"). */
export const ACTIVE_STATUSES = ['enrolled', 'transferred_in'] as const satisfies readonly StudentStatus[];
export const isActiveStatus = (status: StudentStatus) =>
  (ACTIVE_STATUSES as readonly string[]).includes(status);

/** Leaving the school: the statistics ask for the reason of every dropout and transfer (statistics.md). */
export const STATUSES_NEEDING_REASON: readonly StudentStatus[] = ['transferred_out', 'dropped_out'];

/** Kinds of disability, Luật Người khuyết tật 2010 Điều 3 khoản 1. */
export const DISABILITIES = [
  'mobility',
  'hearing_speech',
  'visual',
  'mental',
  'intellectual',
  'other',
] as const;
export type Disability = (typeof DISABILITIES)[number];
export const DISABILITY_LABEL_VI: Record<Disability, string> = {
  mobility: 'Khuyết tật vận động',
  hearing_speech: 'Khuyết tật nghe, nói',
  visual: 'Khuyết tật nhìn',
  mental: 'Khuyết tật thần kinh, tâm thần',
  intellectual: 'Khuyết tật trí tuệ',
  other: 'Khuyết tật khác',
};

/** Policy groups a school records for fee exemptions and support (diện chính sách). */
export const POLICY_FLAGS = [
  'martyr_child',
  'war_invalid_child',
  'orphan',
  'extremely_disadvantaged_area',
  'very_small_ethnic_group',
] as const;

export const GUARDIAN_RELATIONSHIPS = ['father', 'mother', 'guardian', 'other'] as const;
export type GuardianRelationship = (typeof GUARDIAN_RELATIONSHIPS)[number];
export const GUARDIAN_RELATIONSHIP_LABEL_VI: Record<GuardianRelationship, string> = {
  father: 'Cha',
  mother: 'Mẹ',
  guardian: 'Người giám hộ',
  other: 'Khác',
};

/** Input fields only roles with `students.sensitive` may set or see (Law 91/2025: sensitive personal data). */
export const SENSITIVE_INPUTS = [
  'nationalId',
  'nationalIdConfirmed',
  'ethnicity',
  'address',
  'disability',
  'poorHousehold',
  'nearPoorHousehold',
  'policyFlags',
] as const;

/** An empty text box means "no value". */
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const optionalText = (text: z.ZodString, max: number) => z.preprocess(blankToNull, text.max(max).nullish());

/** A Vietnamese phone number, stored as 0xxxxxxxxx (a +84 prefix and separators are accepted). */
export const phoneNumber = z.preprocess(
  blankToNull,
  z
    .string()
    .transform((value) => value.replace(/[\s.\-()]/g, '').replace(/^\+?84/, '0'))
    .pipe(z.string().regex(/^0\d{9}$/, 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.'))
    .nullish(),
);

const email = z.preprocess(blankToNull, z.email('E-mail không hợp lệ.').max(200).nullish());

/** A 12-digit personal ID: malformed numbers are refused with the domain's Vietnamese message. */
export const nationalIdField = z.preprocess(
  blankToNull,
  z
    .string()
    .transform((value, issue) => {
      const check = checkNationalId(value);
      for (const error of check.errors) issue.addIssue({ code: 'custom', message: error.message });
      return check.normalised;
    })
    .nullish(),
);

/** The sector database code is opaque: only blanks, inner spaces and over-long values are refused. */
export const moetStudentCodeField = z.preprocess(
  blankToNull,
  z
    .string()
    .transform((value, issue) => {
      const check = checkMoetStudentCode(value);
      for (const error of check.errors) issue.addIssue({ code: 'custom', message: error.message });
      return check.normalised;
    })
    .nullish(),
);

export const personName = z
  .string('Nhập họ và tên.')
  // Line breaks and tabs become spaces in normaliseName; other control characters are refused.
  .superRefine(refuseBadText('Họ và tên', { multiline: true }))
  .transform(normaliseName)
  .pipe(
    z
      .string()
      .min(2, 'Nhập đầy đủ họ và tên.')
      .max(120, 'Họ và tên dài quá 120 ký tự.')
      .regex(/^[^\d]+$/u, 'Họ và tên không chứa chữ số.'),
  );

export const guardianInput = z.object({
  /** Present when editing a guardian already on record. */
  id: z.uuid().optional(),
  fullName: personName,
  relationship: z.enum(GUARDIAN_RELATIONSHIPS, 'Chọn quan hệ với học sinh.'),
  phone: phoneNumber,
  email,
  /** Nghề nghiệp, printed on the học bạ's identity page. */
  occupation: optionalText(line('Nghề nghiệp'), 120),
});
export type GuardianInput = z.infer<typeof guardianInput>;

const birthDate = z.preprocess(
  blankToNull,
  isoDate
    .refine((value) => value >= '1990-01-01', 'Ngày sinh phải từ năm 1990 trở đi.')
    .refine((value) => value <= new Date().toISOString().slice(0, 10), 'Ngày sinh không được ở tương lai.')
    .nullish(),
);

/** Fields of a student's record shared by the create form, the edit form and the Excel import. */
const studentFields = {
  fullName: personName,
  birthDate,
  gender: z.enum(GENDERS, 'Chọn giới tính.').nullish(),
  ethnicity: z.preprocess(blankToNull, z.enum(ETHNICITY_KEYS, 'Chọn dân tộc trong danh sách.').nullish()),
  nationalId: nationalIdField,
  /** True when the user confirms a number that raised warnings is as printed on the card. */
  nationalIdConfirmed: z.boolean().optional(),
  moetStudentCode: moetStudentCodeField,
  /** Nơi sinh and số đăng bộ (the school's registration book), printed on the học bạ's identity page. */
  birthPlace: optionalText(line('Nơi sinh'), 200),
  registrationNumber: optionalText(line('Số đăng bộ'), 40),
  address: optionalText(line('Địa chỉ'), 300),
  disability: z.preprocess(blankToNull, z.enum(DISABILITIES, 'Chọn dạng khuyết tật.').nullish()),
  poorHousehold: z.boolean().optional(),
  nearPoorHousehold: z.boolean().optional(),
  policyFlags: z
    .array(z.enum(POLICY_FLAGS, 'Diện chính sách không hợp lệ.'))
    .max(POLICY_FLAGS.length)
    .optional(),
  guardians: z.array(guardianInput).max(6, 'Tối đa 6 người giám hộ.').optional(),
};

const householdRule = <T extends { poorHousehold?: boolean; nearPoorHousehold?: boolean }>(
  value: T,
  issue: z.core.$RefinementCtx<T>,
) => {
  if (value.poorHousehold && value.nearPoorHousehold) {
    issue.addIssue({
      code: 'custom',
      path: ['nearPoorHousehold'],
      message: 'Một hộ không thể vừa là hộ nghèo vừa là hộ cận nghèo.',
    });
  }
};

/** A new student (form or import row). `className` enrols them into that class of the current school year. */
const newStudentFields = {
  ...studentFields,
  /** How the student joined: enrolled (new entrant) or transferred in from another school. */
  status: z.enum(['enrolled', 'transferred_in']).optional(),
  /** Date the student joined; defaults to today. */
  statusSince: isoDate.optional(),
  className: optionalText(line('Lớp'), 20),
};
export const studentInput = z.object(newStudentFields).superRefine(householdRule);
export type StudentInput = z.input<typeof studentInput>;
export type ParsedStudentInput = z.output<typeof studentInput>;

export const createStudentBody = z
  .object({ unitId: z.uuid(), ...newStudentFields })
  .superRefine(householdRule);

/** Editing a record: status and class change through their own actions (dated history, enrolments). */
export const updateStudentBody = z.object(studentFields).partial().superRefine(householdRule);
export type UpdateStudentInput = z.output<typeof updateStudentBody>;

export const changeStatusBody = z.object({
  status: z.enum(STUDENT_STATUSES, 'Chọn trạng thái.'),
  effectiveOn: isoDate,
  reason: optionalText(multiline('Lý do'), 500),
});
export type ChangeStatusInput = z.output<typeof changeStatusBody>;

export const listStudentsQuery = pageQuery.extend({
  unitId: z.uuid('Chọn trường.'),
  q: searchTerm,
  /** A class id, or "none" for students without a class in the school year. */
  classId: z.union([z.uuid(), z.literal('none')]).optional(),
  grade: z.coerce.number().int().min(0).max(12).optional(),
  /** A status, or "active" for enrolled and transferred in. */
  status: z.enum([...STUDENT_STATUSES, 'active']).optional(),
  gender: z.enum(GENDERS).optional(),
  /** School year of the class and grade filters; defaults to the school's current year. */
  schoolYear: z
    .string()
    .regex(/^\d{4}-\d{4}$/)
    .optional(),
});
export type ListStudentsQuery = z.output<typeof listStudentsQuery>;

const issueSchema = z.object({ code: z.string(), message: z.string() });

export const studentSummarySchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  moetStudentCode: z.string().nullable(),
  status: z.enum(STUDENT_STATUSES),
  statusSince: z.string().nullable(),
  classId: z.uuid().nullable(),
  className: z.string().nullable(),
  grade: z.number().int().nullable(),
  /** Another student in the province has the same personal ID; null when the caller may not see IDs. */
  duplicateNationalId: z.boolean().nullable(),
});
export type StudentSummary = z.infer<typeof studentSummarySchema>;

export const studentPageSchema = pageOf(studentSummarySchema).extend({ schoolYear: z.string().nullable() });

export const guardianSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  relationship: z.enum(GUARDIAN_RELATIONSHIPS),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  occupation: z.string().nullable(),
  hasAccount: z.boolean(),
});

/** Fields only roles with `students.sensitive` (and the student's own family) receive. */
export const sensitiveSchema = z.object({
  nationalId: z.string().nullable(),
  nationalIdConfirmed: z.boolean(),
  /** Mismatches between the ID and the record (sex, birth year, place code), to check with the card. */
  nationalIdWarnings: z.array(issueSchema),
  /** How many other students in the province carry the same personal ID. */
  duplicateNationalIdCount: z.number().int(),
  ethnicity: z.string().nullable(),
  address: z.string().nullable(),
  disability: z.enum(DISABILITIES).nullable(),
  poorHousehold: z.boolean(),
  nearPoorHousehold: z.boolean(),
  policyFlags: z.array(z.string()),
});
export type SensitiveFields = z.infer<typeof sensitiveSchema>;

export const statusHistorySchema = z.object({
  id: z.uuid(),
  status: z.enum(STUDENT_STATUSES),
  effectiveOn: z.string(),
  reason: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
});

export const enrolmentSchema = z.object({
  id: z.uuid(),
  classId: z.uuid(),
  className: z.string(),
  grade: z.number().int(),
  schoolYear: z.string(),
  enrolledOn: z.string(),
  leftOn: z.string().nullable(),
});

export const studentDetailSchema = studentSummarySchema.extend({
  unitId: z.uuid(),
  birthPlace: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  unitName: z.string(),
  erased: z.boolean(),
  hasAccount: z.boolean(),
  guardians: z.array(guardianSchema),
  statusHistory: z.array(statusHistorySchema),
  enrolments: z.array(enrolmentSchema),
  sensitive: sensitiveSchema.nullable(),
  /** What the caller may do with this record, so the UI shows only working actions. */
  permissions: z.array(z.string()),
});
export type StudentDetail = z.infer<typeof studentDetailSchema>;

export const snapshotQuery = z.object({ unitId: z.uuid(), date: isoDate });
export const snapshotSchema = z.object({
  date: z.string(),
  schoolYear: z.string(),
  total: z.number().int(),
  byGrade: z.array(
    z.object({
      grade: z.number().int().nullable(),
      male: z.number().int(),
      female: z.number().int(),
      total: z.number().int(),
    }),
  ),
});

export const unitIdQuery = z.object({ unitId: z.uuid('Chọn đơn vị.') });

export const duplicateGroupSchema = z.object({
  nationalId: z.string(),
  students: z.array(z.object({ id: z.uuid(), fullName: z.string(), unitId: z.uuid(), unitName: z.string() })),
  /** Holders at schools outside the caller's scope: only the school is named. */
  elsewhere: z.array(z.object({ unitName: z.string() })),
});

export const eraseBody = z.object({
  /** Required while the student still attends the school: the erasure withdraws them, for this reason. */
  reason: optionalText(multiline('Lý do'), 500),
  /** The day an attending student leaves the school (default today). */
  withdrawnOn: isoDate.nullish(),
});

const erasureKindSchema = z.object({ key: z.string(), label: z.string(), basis: z.string() });
/** What an erasure would do: erased for good, kept under a legal obligation (restricted), and why. */
export const erasurePreviewSchema = z.object({
  alreadyErased: z.boolean(),
  withdrawsFirst: z.boolean(),
  guardians: z.number().int(),
  hasAccount: z.boolean(),
  erased: z.array(erasureKindSchema),
  restricted: z.array(erasureKindSchema),
});
export type ErasurePreview = z.infer<typeof erasurePreviewSchema>;

export const guardianAccountBody = z.object({
  /** Defaults to the guardian's phone number. */
  username: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .min(3, 'Tên đăng nhập có ít nhất 3 ký tự.')
      .max(60)
      .regex(/^[A-Za-z0-9._@+-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ @ + -')
      .nullish(),
  ),
});

export const guardianAccountSchema = z.object({
  userId: z.uuid(),
  username: z.string(),
  /** Shown once: null when an existing account (a sibling's guardian) was linked instead. */
  initialPassword: z.string().nullable(),
  linkedExisting: z.boolean(),
});

export const myStudentSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  status: z.enum(STUDENT_STATUSES),
  unitId: z.uuid(),
  unitName: z.string(),
  className: z.string().nullable(),
  schoolYear: z.string().nullable(),
  /** How the account is linked: the student themself, or one of their guardians. */
  link: z.enum(['self', 'guardian']),
});

const looseRecord = z.record(z.string(), z.unknown());
/** The JSON file a principal hands over on a request for a student's personal data. */
export const personalDataExportSchema = z.object({
  exportedAt: z.string(),
  exportedBy: z.string(),
  legalBasis: z.string(),
  school: z.string(),
  student: looseRecord,
  guardians: z.array(looseRecord),
  statusHistory: z.array(looseRecord),
  enrolments: z.array(looseRecord),
  scores: z.array(looseRecord),
  results: z.array(looseRecord),
  subjectYearResults: z.array(looseRecord),
  primaryEvaluations: z.array(looseRecord),
  attendance: z.array(looseRecord),
  conduct: z.array(looseRecord),
  contactBookNotes: z.array(looseRecord),
  transcripts: z.array(looseRecord),
  accounts: z.array(looseRecord),
  accessLog: z.array(looseRecord),
});
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;
