import { z } from 'zod';
import { MAX_CLASS_STUDENTS } from '#contracts/classes.ts';
import { isoDate, multiline } from '#contracts/common.ts';
import { LEVEL4, PASS_FAIL } from '../domain/grading/types.ts';

// Request and response shapes of the e-gradebook (TT 22/2021): teaching assignments, the score grid of one
// class × subject × term, term deadlines and locks, attendance and conduct.

/** Buổi sáng / buổi chiều: absences are recorded per session. */
export const ATTENDANCE_SESSIONS = ['morning', 'afternoon'] as const;

const schoolYear = z.string().regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.');
const term = z.coerce
  .number()
  .int()
  .refine((t) => t === 1 || t === 2, 'Học kì là 1 hoặc 2.');
const level4 = z.enum(LEVEL4);
const passFail = z.enum(PASS_FAIL);

export const unitYearQuery = z.object({
  unitId: z.uuid('Chọn trường.'),
  schoolYear: schoolYear.optional(),
});

// ---- Teaching assignments (phân công giảng dạy) ----

export const assignmentBoardSchema = z.object({
  schoolYear: z.string().nullable(),
  canManage: z.boolean(),
  subjects: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      shortName: z.string(),
      kind: z.enum(['score', 'comment']),
    }),
  ),
  classes: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      grade: z.number().int(),
      /** Subjects of the class's grade with their periods per year from the curriculum. */
      subjects: z.array(z.object({ code: z.string(), periodsPerYear: z.number().int() })),
    }),
  ),
  teachers: z.array(z.object({ id: z.uuid(), fullName: z.string(), mainSubject: z.string().nullable() })),
  assignments: z.array(
    z.object({
      id: z.uuid(),
      classId: z.uuid(),
      subjectCode: z.string(),
      teacherId: z.uuid(),
      teacherName: z.string(),
      periodsPerYear: z.number().int(),
      learningTopics: z.boolean(),
    }),
  ),
});

export const setAssignmentBody = z.object({
  classId: z.uuid('Chọn lớp.'),
  subjectCode: z.string().min(1, 'Chọn môn học.'),
  /** null removes the assignment. */
  teacherId: z.uuid('Chọn giáo viên.').nullable(),
  /** Defaults to the curriculum's periods for the class's grade. */
  periodsPerYear: z.number().int().min(1).max(400).optional(),
  /**
   * The class studies chuyên đề học tập in this subject (grades 10–12, scored subjects): one more ĐĐGtx per term.
   * Left out, the stored value is kept (false for a new assignment).
   */
  learningTopics: z.boolean().optional(),
});
export type SetAssignmentInput = z.infer<typeof setAssignmentBody>;

export const myClassesSchema = z.object({
  schoolYear: z.string().nullable(),
  teaching: z.array(
    z.object({
      classId: z.uuid(),
      className: z.string(),
      grade: z.number().int(),
      subjectCode: z.string(),
      subjectName: z.string(),
    }),
  ),
  homeroom: z.array(z.object({ classId: z.uuid(), className: z.string(), grade: z.number().int() })),
});

// ---- Score grid ----

export const gridParams = z.object({
  classId: z.uuid('Mã lớp không hợp lệ.'),
  subjectCode: z.string().min(1),
  term,
});

/** A cell as stored: a score for scored subjects, Đạt / Chưa đạt for comment-assessed ones. */
const cellValue = z.union([z.number(), passFail]).nullable();

/** What an unlock reopens: one class × subject's scores, or the class's conduct and attendance (homeroom). */
export const UNLOCK_KINDS = ['subject', 'homeroom'] as const;
export const unlockKind = z.enum(UNLOCK_KINDS);
export type UnlockKind = z.infer<typeof unlockKind>;

export const lockStateSchema = z.object({
  locked: z.boolean(),
  entryDeadline: z.string().nullable(),
  pastDeadline: z.boolean(),
  unlock: z.object({ id: z.uuid(), reason: z.string(), unlockedAt: z.date() }).nullable(),
  /** Entry is open: neither locked nor past the deadline, or reopened for this class × subject. */
  open: z.boolean(),
  /** Why entry is closed, in Vietnamese. */
  message: z.string().nullable(),
});
export type LockState = z.infer<typeof lockStateSchema>;

export const gridSchema = z.object({
  class: z.object({ id: z.uuid(), name: z.string(), grade: z.number().int(), schoolYear: z.string() }),
  subject: z.object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(['score', 'comment']),
    periodsPerYear: z.number().int(),
  }),
  term: z.number().int(),
  teacherName: z.string().nullable(),
  /** Number of ĐĐGtx columns (TT22 Điều 6 khoản 2). */
  regularCount: z.number().int(),
  rows: z.array(
    z.object({
      studentId: z.uuid(),
      fullName: z.string(),
      regular: z.array(cellValue),
      midterm: cellValue,
      final: cellValue,
      makeup: z.array(z.string()),
      termAverage: z.number().nullable(),
      termResult: passFail.nullable(),
      /** Required assessments not entered yet: 'regular:2', 'midterm', 'final'. */
      missing: z.array(z.string()),
      comment: z.string().nullable(),
      /** TT22 Điều 10: the practical part is exempted this term (assessed on theory); what the grid shows. */
      exemption: z.string().nullable(),
    }),
  ),
  lock: lockStateSchema,
  canEdit: z.boolean(),
  canManage: z.boolean(),
});

/** A cell as typed: "7,5", "7.5", 7.5, "Đ", "CĐ", or empty. */
const typedCell = z.union([z.number(), z.string().max(20)]).nullable();

/**
 * A row's cells as the client loaded them (the grid's row as GET returned it; other keys are ignored), or null for
 * a row loaded empty. The server merges cell by cell: a cell equal to its base was not edited and keeps the stored
 * value; an edited cell that someone else changed since (stored ≠ base) is a conflict and nothing is written.
 */
const loadedRow = z
  .object({
    regular: z.array(cellValue).max(4),
    midterm: cellValue,
    final: cellValue,
    makeup: z.array(z.string()).max(6).default([]),
    comment: z.string().max(2000).nullable().default(null),
  })
  .nullable();

export const saveGridBody = z.object({
  rows: z
    .array(
      z.object({
        studentId: z.uuid(),
        regular: z.array(typedCell).max(4),
        midterm: typedCell,
        final: typedCell,
        makeup: z.array(z.string()).max(6).default([]),
        comment: z.string().max(2000).nullable().default(null),
        base: loadedRow,
      }),
    )
    .max(MAX_CLASS_STUDENTS),
});
export type SaveGridInput = z.infer<typeof saveGridBody>;

export const saveResultSchema = z.object({ changedCells: z.number().int(), changedRows: z.number().int() });

/**
 * The `details` of a 409 when a save would overwrite cells someone else changed after the client loaded them:
 * the student, the column ('regular:1', 'midterm', 'final', 'makeup', 'comment'; 'level' for conduct; 'morning' /
 * 'afternoon' for attendance) and the value stored now, in the form GET returns it ('present' for attendance).
 */
export const editConflictsSchema = z.object({
  conflicts: z.array(
    z.object({
      studentId: z.uuid(),
      studentName: z.string(),
      column: z.string(),
      current: z.union([z.number(), z.string(), z.array(z.string())]).nullable(),
    }),
  ),
});
export type EditConflicts = z.infer<typeof editConflictsSchema>;
export type EditConflict = EditConflicts['conflicts'][number];

// ---- Terms: deadline, lock, unlock ----

export const termParams = z.object({ term });

export const termsSchema = z.object({
  schoolYear: z.string().nullable(),
  terms: z.array(
    z.object({
      term: z.number().int(),
      entryDeadline: z.string().nullable(),
      locked: z.boolean(),
      lockedAt: z.date().nullable(),
    }),
  ),
  unlocks: z.array(
    z.object({
      id: z.uuid(),
      term: z.number().int(),
      classId: z.uuid(),
      className: z.string(),
      kind: unlockKind,
      subjectCode: z.string().nullable(),
      reason: z.string(),
      unlockedAt: z.date(),
    }),
  ),
  /** Terms locked for one class only: locks a merged school had set, carried with its classes (migration 0093). */
  classLocks: z.array(
    z.object({
      term: z.number().int(),
      classId: z.uuid(),
      className: z.string(),
      reason: z.string(),
      lockedAt: z.date(),
    }),
  ),
});

export const setTermBody = z.object({
  unitId: z.uuid('Chọn trường.'),
  schoolYear,
  entryDeadline: isoDate.nullable(),
  locked: z.boolean(),
});
export type SetTermInput = z.infer<typeof setTermBody>;

export const unlockBody = z
  .object({
    classId: z.uuid('Chọn lớp.'),
    kind: unlockKind.default('subject'),
    /** Required for kind 'subject', absent for 'homeroom'. */
    subjectCode: z.string().min(1).nullable().default(null),
    term,
    reason: multiline('Lí do mở khoá').min(5, 'Ghi rõ lí do mở khoá (ít nhất 5 kí tự).').max(1000),
  })
  .refine((b) => (b.kind === 'subject') === (b.subjectCode !== null), {
    path: ['subjectCode'],
    message: 'Mở khoá điểm cần chọn môn; mở khoá rèn luyện và điểm danh thì không chọn môn.',
  });
export type UnlockInput = z.infer<typeof unlockBody>;

// ---- Attendance ----

export const classParams = z.object({ classId: z.uuid('Mã lớp không hợp lệ.') });
export const attendanceQuery = z.object({ date: isoDate });
const absence = z.enum(['excused', 'unexcused']).nullable();

export const attendanceSchema = z.object({
  class: z.object({ id: z.uuid(), name: z.string(), schoolYear: z.string() }),
  date: z.string(),
  /** The term the date falls in by the school-year calendar; null when the year has no calendar. */
  term: z.number().int().nullable(),
  /** The principal's term lock for that date (the score entry deadline does not close attendance). */
  lock: lockStateSchema,
  /** The caller is the homeroom teacher and the date is not locked. */
  canEdit: z.boolean(),
  /** The caller may unlock or re-lock the class's conduct and attendance (gradebook.manage). */
  canManage: z.boolean(),
  students: z.array(
    z.object({
      studentId: z.uuid(),
      fullName: z.string(),
      morning: absence,
      afternoon: absence,
      /** Absent sessions over the school year (TT22 Điều 12: both kinds count). */
      totals: z.object({ excused: z.number().int(), unexcused: z.number().int() }),
    }),
  ),
});

export const saveAttendanceBody = z.object({
  date: isoDate,
  session: z.enum(ATTENDANCE_SESSIONS),
  /** Every absent student of that session; the others were present. */
  absences: z.array(z.object({ studentId: z.uuid(), excused: z.boolean() })).max(MAX_CLASS_STUDENTS),
  /** The absences as the client loaded them ([] for a session loaded empty): students it did not change keep
   * what is stored now, and a change to a mark someone else changed since is a 409 conflict. */
  base: z.array(z.object({ studentId: z.uuid(), excused: z.boolean() })).max(MAX_CLASS_STUDENTS),
});
export type SaveAttendanceInput = z.infer<typeof saveAttendanceBody>;

// ---- Conduct ----

const termConduct = z.object({ level: level4, comment: z.string().nullable() }).nullable();

export const conductSchema = z.object({
  class: z.object({ id: z.uuid(), name: z.string(), schoolYear: z.string() }),
  canEdit: z.boolean(),
  canManage: z.boolean(),
  /** Per term: the term lock and deadline, and an unlock of the class's conduct and attendance if any. */
  lock: z.object({ term1: lockStateSchema, term2: lockStateSchema }),
  students: z.array(
    z.object({
      studentId: z.uuid(),
      fullName: z.string(),
      term1: termConduct,
      term2: termConduct,
      /** Year conduct computed with the TT22 table once both terms are set. */
      year: level4.nullable(),
    }),
  ),
});

export const saveConductBody = z.object({
  term,
  rows: z
    .array(
      z.object({
        studentId: z.uuid(),
        level: level4.nullable(),
        comment: multiline('Nhận xét').max(2000).nullable().default(null),
        /** The term's level and comment as the client loaded them (null: none); see the score grid's base. */
        base: z.object({ level: level4, comment: z.string().nullable() }).nullable(),
      }),
    )
    .max(MAX_CLASS_STUDENTS),
});
export type SaveConductInput = z.infer<typeof saveConductBody>;

// ---- Class overview (tổng hợp điểm của lớp) ----

export const overviewQuery = z.object({ term });

const overviewCell = z.object({
  average: z.number().nullable(),
  result: passFail.nullable(),
  missing: z.number().int(),
});

export const overviewSchema = z.object({
  class: z.object({ id: z.uuid(), name: z.string(), grade: z.number().int(), schoolYear: z.string() }),
  term: z.number().int(),
  subjects: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      shortName: z.string(),
      kind: z.enum(['score', 'comment']),
      teacherName: z.string().nullable(),
      regularCount: z.number().int(),
      complete: z.number().int(),
    }),
  ),
  rows: z.array(
    z.object({ studentId: z.uuid(), fullName: z.string(), cells: z.record(z.string(), overviewCell) }),
  ),
});
