import { z } from 'zod';
import { ASSESSMENT_STATUSES } from '../domain/dx-index/workflow.ts';

// The home page of each role ("what now?"): one summary per role, computed on the server in a few set-based
// queries and scoped like every other read (issue 13 §3).

export const homeSchoolQuery = z.object({
  unitId: z.uuid(),
  schoolYear: z.string().optional(),
});

/** Score entry of one class × subject in the term: students whose term is complete, and empty required cells. */
export const entryProgressSchema = z.object({
  classId: z.uuid(),
  className: z.string(),
  grade: z.number().int(),
  subjectCode: z.string(),
  subjectName: z.string(),
  teacherName: z.string().nullable(),
  students: z.number().int(),
  complete: z.number().int(),
  /** Required ĐĐGtx / ĐĐGgk / ĐĐGck cells still empty (TT22 Điều 7). */
  missingCells: z.number().int(),
});

const termStateSchema = z.object({
  term: z.number().int(),
  entryDeadline: z.string().nullable(),
  pastDeadline: z.boolean(),
  locked: z.boolean(),
});

const jobLineSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(['queued', 'running']),
  progressDone: z.number().int(),
  progressTotal: z.number().int(),
});

export const schoolHomeSchema = z.object({
  unitName: z.string(),
  schoolYear: z.string().nullable(),
  today: z.string(),
  students: z.number().int(),
  classes: z.number().int(),
  attendance: z.object({
    /** Students absent in at least one session today. */
    absentStudents: z.number().int(),
    classesTaken: z.number().int(),
    classesNotTaken: z.array(z.object({ id: z.uuid(), name: z.string() })),
  }),
  term: termStateSchema.nullable(),
  /** Classes × subjects with something missing first, then the rest (capped; totals count all). */
  entry: z.array(entryProgressSchema),
  entryTotals: z.object({
    pairs: z.number().int(),
    completePairs: z.number().int(),
    missingCells: z.number().int(),
  }),
  openUnlocks: z.number().int(),
  dx: z.array(
    z.object({
      campaignId: z.uuid(),
      title: z.string(),
      submissionDeadline: z.string(),
      status: z.enum(ASSESSMENT_STATUSES),
      assessmentId: z.uuid(),
    }),
  ),
  jobs: z.array(jobLineSchema),
});

export const teacherHomeSchema = z.object({
  today: z.string(),
  schoolYear: z.string().nullable(),
  term: termStateSchema.nullable(),
  classes: z.array(
    z.object({
      classId: z.uuid(),
      className: z.string(),
      grade: z.number().int(),
      homeroom: z.boolean(),
      /** Homeroom only: the register of today has been saved (morning or afternoon). */
      attendanceTaken: z.boolean().nullable(),
      subjects: z.array(
        z.object({
          subjectCode: z.string(),
          subjectName: z.string(),
          students: z.number().int(),
          missingCells: z.number().int(),
        }),
      ),
    }),
  ),
  notes: z.array(
    z.object({
      id: z.uuid(),
      classId: z.uuid(),
      className: z.string(),
      title: z.string(),
      createdAt: z.string(),
      recipients: z.number().int(),
      acknowledged: z.number().int(),
    }),
  ),
});

export const familyHomeSchema = z.object({
  children: z.array(
    z.object({
      studentId: z.uuid(),
      fullName: z.string(),
      className: z.string().nullable(),
      unitName: z.string(),
      schoolYear: z.string().nullable(),
      latestScores: z.array(
        z.object({
          subjectCode: z.string(),
          subjectName: z.string(),
          term: z.number().int(),
          regular: z.array(z.number().nullable()),
          midterm: z.number().nullable(),
          final: z.number().nullable(),
          regularResults: z.array(z.string().nullable()),
          midtermResult: z.string().nullable(),
          finalResult: z.string().nullable(),
          updatedAt: z.string(),
        }),
      ),
      absences: z.object({
        excused: z.number().int(),
        unexcused: z.number().int(),
        last: z.string().nullable(),
      }),
      unreadNotes: z.number().int(),
    }),
  ),
});

export const officeHomeSchema = z.object({
  unitName: z.string(),
  schoolYear: z.string().nullable(),
  today: z.string(),
  schools: z.array(
    z.object({
      unitId: z.uuid(),
      name: z.string(),
      students: z.number().int(),
      /** Score entry of the current term: student × subject terms complete, of those expected. */
      entryComplete: z.number().int(),
      entryExpected: z.number().int(),
      entryDeadline: z.string().nullable(),
      /** Students with a year result (year close done for them), of enrolled students. */
      yearClosed: z.number().int(),
      dxStatus: z.enum(ASSESSMENT_STATUSES).nullable(),
      dxDeadline: z.string().nullable(),
      /** What makes the school late today, in Vietnamese ("Quá hạn nhập điểm", …); empty when on time. */
      late: z.array(z.string()),
    }),
  ),
});

export type SchoolHome = z.infer<typeof schoolHomeSchema>;
export type TeacherHome = z.infer<typeof teacherHomeSchema>;
export type FamilyHome = z.infer<typeof familyHomeSchema>;
export type OfficeHome = z.infer<typeof officeHomeSchema>;
export type EntryProgress = z.infer<typeof entryProgressSchema>;
