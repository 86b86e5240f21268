import { z } from 'zod';
import { isoDate, line } from '#contracts/common.ts';
import { schoolYearCode } from '#contracts/units.ts';
import { GENDERS } from '../domain/identity/national-id.ts';

/**
 * The most students a class may have at once. The score, attendance and conduct grids save a whole class in one
 * request of at most this many rows, so a larger class could not be graded: enrolment (the class page, a new
 * student, the Excel import, the rollover) refuses the student beyond it. A technical ceiling far above the school
 * charters' sizes (35 pupils in primary, 45 in lower and upper secondary), which are not enforced here.
 */
export const MAX_CLASS_STUDENTS = 200;

export const blankToNull = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? null : value;

export const className = line('Tên lớp')
  .min(1, 'Nhập tên lớp.')
  .max(20, 'Tên lớp dài quá 20 ký tự.')
  .regex(/^[\p{L}\d][\p{L}\d .\-/]*$/u, 'Tên lớp chỉ gồm chữ, số, dấu chấm, gạch ngang (ví dụ 6A1).')
  .transform((value) => value.replace(/\s+/g, ' '));

/** A class of a school year (form or import row). */
export const classInput = z.object({
  schoolYear: schoolYearCode,
  grade: z.coerce.number('Chọn khối.').int().min(0, 'Khối từ 0 đến 12.').max(12, 'Khối từ 0 đến 12.'),
  name: className,
  /** A staff member of the same school. */
  homeroomTeacherId: z.preprocess(blankToNull, z.uuid('Chọn giáo viên chủ nhiệm.').nullish()),
  room: z.preprocess(blankToNull, line('Phòng học').max(40, 'Phòng học dài quá 40 ký tự.').nullish()),
});
export type ClassInput = z.input<typeof classInput>;

export const createClassBody = classInput.extend({ unitId: z.uuid() });
export const updateClassBody = classInput.omit({ schoolYear: true }).partial();
export type UpdateClassInput = z.output<typeof updateClassBody>;

export const listClassesQuery = z.object({
  unitId: z.uuid('Chọn trường.'),
  /** Defaults to the school's current school year. */
  schoolYear: schoolYearCode.optional(),
});

export const classSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  schoolYear: z.string(),
  grade: z.number().int(),
  name: z.string(),
  homeroomTeacherId: z.uuid().nullable(),
  homeroomTeacherName: z.string().nullable(),
  room: z.string().nullable(),
  /** Students in the class now (active enrolments). */
  studentCount: z.number().int(),
});
export type SchoolClass = z.infer<typeof classSchema>;

export const classListSchema = z.object({ schoolYear: z.string().nullable(), classes: z.array(classSchema) });

export const classStudentSchema = z.object({
  enrolmentId: z.uuid(),
  studentId: z.uuid(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  status: z.string(),
  enrolledOn: z.string(),
});

export const classDetailSchema = classSchema.extend({
  /** In Vietnamese class-list order: given name, middle name, family name. */
  students: z.array(classStudentSchema),
  permissions: z.array(z.string()),
  /** Why the class cannot be edited (its school year is finished), or null. */
  lockedReason: z.string().nullable(),
});

export const enrolStudentsBody = z.object({
  studentIds: z.array(z.uuid()).min(1, 'Chọn ít nhất một học sinh.').max(200, 'Tối đa 200 học sinh một lần.'),
  /** First day in the class; defaults to today (within the school year). */
  enrolledOn: isoDate.optional(),
});

export const moveStudentBody = z.object({
  toClassId: z.uuid('Chọn lớp chuyển đến.'),
  /** First day in the new class (and the day the old enrolment ends); defaults to today. */
  movedOn: isoDate.optional(),
});

export const removeStudentQuery = z.object({ leftOn: isoDate.optional() });

export const classStudentParams = z.object({ id: z.uuid(), studentId: z.uuid() });

export const homeroomCandidateSchema = z.object({ id: z.uuid(), fullName: z.string(), position: z.string() });
