import { z } from 'zod';
import { multiline } from '#contracts/common.ts';

export const TRANSCRIPT_STATUSES = [
  'draft',
  'homeroom_signed',
  'approved',
  'sealed',
  'published',
  'superseded',
] as const;

export const transcriptStatus = z.enum(TRANSCRIPT_STATUSES);

export const classTranscriptsSchema = z.object({
  classId: z.uuid(),
  className: z.string(),
  grade: z.number().int(),
  schoolYear: z.string(),
  homeroomTeacherName: z.string().nullable(),
  permissions: z.object({
    sign: z.boolean(),
    approve: z.boolean(),
    correct: z.boolean(),
    postNotes: z.boolean(),
  }),
  students: z.array(
    z.object({
      studentId: z.uuid(),
      fullName: z.string(),
      transcriptId: z.uuid().nullable(),
      status: transcriptStatus,
      version: z.number().int(),
      homeroomSignedBy: z.string().nullable(),
      approvedBy: z.string().nullable(),
      approvedAt: z.string().nullable(),
      versions: z.array(
        z.object({
          id: z.uuid(),
          version: z.number().int(),
          status: transcriptStatus,
          correctionReason: z.string().nullable(),
          createdAt: z.string(),
        }),
      ),
    }),
  ),
});
export type ClassTranscripts = z.infer<typeof classTranscriptsSchema>;

export const signResultSchema = z.object({ signed: z.number().int(), alreadyApproved: z.number().int() });
export const approveResultSchema = z.object({ approved: z.number().int() });

export const correctionBody = z.object({
  reason: multiline('Lý do điều chỉnh').min(5, 'Ghi rõ lý do điều chỉnh.').max(2000),
});
/** One value of the học bạ before and after a correction ("Toán — Cả năm": "5,6" → "6,3"). */
export const valueChangeSchema = z.object({
  item: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  changed: z.boolean(),
});
export type ValueChange = z.infer<typeof valueChangeSchema>;

/**
 * What a correction changes: `inputs`, the term values that differ from the approved version; `derived`, every
 * value computed from them by the year close's rules (ĐTBmcn, learning results, award, promotion), before and
 * after; `missing`, why the rules cannot recompute them yet (then the stored results stay).
 */
const correctionDiff = {
  inputs: z.array(valueChangeSchema),
  derived: z.array(valueChangeSchema),
  missing: z.array(z.string()),
};

export const correctionPreviewSchema = z.object({
  transcriptId: z.uuid(),
  version: z.number().int(),
  ...correctionDiff,
});
export type CorrectionPreview = z.infer<typeof correctionPreviewSchema>;

export const correctionSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: transcriptStatus,
  supersedes: z.uuid(),
  ...correctionDiff,
});

export const studentParams = z.object({ id: z.uuid(), studentId: z.uuid() });
/** The class record book for term I only (term=1, the book closed at mid-year) or the whole year (term=0, default). */
export const recordBookQuery = z.object({
  term: z.coerce.number().int().min(0).max(1).default(0),
});
export type RecordBookPeriod = 0 | 1;

export const gradeStatisticsQuery = z.object({
  unitId: z.uuid(),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.'),
  /** 1 or 2 for a term's results, 0 (default) for the year. */
  term: z.coerce.number().int().min(0).max(2).default(0),
});

/**
 * One student's transcripts across years. A guardian (or the student) sees the approved version in force of each
 * year; staff who may read a class's gradebook see every version of that class's transcript: who signed, approved
 * and corrected it, when and why. Each one opens as a PDF (GET /transcripts/:id/pdf).
 */
export const studentTranscriptsSchema = z.object({
  student: z.object({ id: z.uuid(), fullName: z.string() }),
  /** 'own': the family's view (approved only); 'staff': every version the caller may read. */
  view: z.enum(['own', 'staff']),
  transcripts: z.array(
    z.object({
      id: z.uuid(),
      schoolYear: z.string(),
      classId: z.uuid(),
      className: z.string(),
      version: z.number().int(),
      status: transcriptStatus,
      correctionReason: z.string().nullable(),
      correctedByName: z.string().nullable(),
      createdAt: z.string(),
      homeroomSignedByName: z.string().nullable(),
      homeroomSignedAt: z.string().nullable(),
      approvedByName: z.string().nullable(),
      approvedAt: z.string().nullable(),
    }),
  ),
});
export type StudentTranscripts = z.infer<typeof studentTranscriptsSchema>;
