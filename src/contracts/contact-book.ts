import { z } from 'zod';
import { MAX_CLASS_STUDENTS } from '#contracts/classes.ts';
import { line, multiline } from '#contracts/common.ts';
import { ATTENDANCE_SESSIONS } from '#contracts/gradebook.ts';
import { deliveryReportSchema } from '#contracts/notifications.ts';
import { LEVEL4, PASS_FAIL, PROMOTIONS, RESULT_AWARDS } from '../domain/grading/types.ts';

const level4 = z.enum(LEVEL4);
const passFail = z.enum(PASS_FAIL);

export const familyNoteSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});

export const contactBookSchema = z.object({
  student: z.object({
    id: z.uuid(),
    fullName: z.string(),
    unitName: z.string(),
    classId: z.uuid(),
    className: z.string(),
    grade: z.number().int(),
    schoolYear: z.string(),
  }),
  schoolYears: z.array(z.string()),
  subjects: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(['score', 'comment']),
      terms: z.array(
        z.object({
          term: z.number().int(),
          regular: z.array(z.number().nullable()),
          midterm: z.number().nullable(),
          final: z.number().nullable(),
          regularResults: z.array(passFail.nullable()),
          midtermResult: passFail.nullable(),
          finalResult: passFail.nullable(),
          termAverage: z.number().nullable(),
          termResult: passFail.nullable(),
          /** ĐTBmhk computed from the scores entered so far while none is stored ("tạm tính"). */
          provisionalAverage: z.number().nullable(),
          provisionalResult: passFail.nullable(),
          /** What is still missing before a term average can be computed ("chưa đủ điểm"). */
          missing: z.string().nullable(),
          /** The term has been closed (khoá sổ) for the student; until then an average is provisional. */
          closed: z.boolean(),
          comment: z.string().nullable(),
          updatedAt: z.string(),
        }),
      ),
      yearAverage: z.number().nullable(),
      yearResult: passFail.nullable(),
      retestScore: z.number().nullable(),
    }),
  ),
  results: z.array(
    z.object({
      term: z.number().int(),
      learning: level4.nullable(),
      conduct: level4.nullable(),
      conductComment: z.string().nullable(),
      award: z.enum(RESULT_AWARDS).nullable(),
      promotion: z.enum(PROMOTIONS).nullable(),
      homeroomComment: z.string().nullable(),
    }),
  ),
  absences: z.array(
    z.object({
      date: z.string(),
      session: z.enum(ATTENDANCE_SESSIONS),
      excused: z.boolean(),
      note: z.string().nullable(),
    }),
  ),
  notes: z.array(familyNoteSchema),
  canAcknowledge: z.boolean(),
});
export type ContactBook = z.infer<typeof contactBookSchema>;

export const contactBookQuery = z.object({
  schoolYear: z
    .string()
    .regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.')
    .optional(),
});

export const noteBody = z.object({
  title: line('Tiêu đề').min(1, 'Nhập tiêu đề.').max(200, 'Tiêu đề tối đa 200 ký tự.'),
  body: multiline('Nội dung').min(1, 'Nhập nội dung.').max(5000, 'Nội dung tối đa 5000 ký tự.'),
  /** Only these students' families; absent or empty = the whole class. */
  studentIds: z.array(z.uuid('Học sinh không hợp lệ.')).max(MAX_CLASS_STUDENTS).optional(),
});

export const postedNoteSchema = z.object({ id: z.uuid(), recipients: z.number().int() });

export const classNoteSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  /** Sent to the whole class; false when the teacher chose students. */
  wholeClass: z.boolean(),
  acknowledged: z.number().int(),
  recipients: z.array(
    z.object({
      guardianName: z.string(),
      studentName: z.string(),
      acknowledgedAt: z.string().nullable(),
    }),
  ),
  /** Delivery to families (one per student): "Đã gửi 43/45 gia đình; 2 chưa có tài khoản/số điện thoại". */
  delivery: deliveryReportSchema,
});
export type ClassNote = z.infer<typeof classNoteSchema>;

export const ackSchema = z.object({ acknowledgedAt: z.string() });
