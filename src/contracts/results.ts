import { z } from 'zod';
import { FINAL_PROMOTIONS, LEVEL4, PASS_FAIL } from '../domain/grading/types.ts';

const level4 = z.enum(LEVEL4);

export const summerBody = z.object({
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.'),
  retests: z
    .array(
      z.object({
        subjectCode: z.string().min(1),
        score: z.number().min(0, 'Điểm từ 0 đến 10.').max(10, 'Điểm từ 0 đến 10.').optional(),
        result: z.enum(PASS_FAIL).optional(),
      }),
    )
    .optional(),
  summerConduct: level4.optional(),
});
export type SummerInput = z.infer<typeof summerBody>;

export const termQuery = z.object({ term: z.coerce.number().int().min(0).max(2).default(0) });

export const summaryQuery = z.object({
  unitId: z.uuid(),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/),
  term: z.coerce.number().int().min(0).max(2).default(0),
});

export const jobQueued = z.object({ jobId: z.uuid() });

/** The decisions of TT22 Điều 12–14 that call for action after the year close (lên lớp needs none). */
export const PROMOTION_ACTIONS = ['retest', 'summer_conduct', 'retained'] as const;

export const promotionListQuery = z.object({
  unitId: z.uuid(),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.'),
  outcome: z.enum(PROMOTION_ACTIONS).optional(),
  grade: z.coerce.number().int().min(6).max(12).optional(),
  classId: z.uuid().optional(),
  /** pending: sent to the summer and not yet decided; decided: the final decision is known. */
  status: z.enum(['pending', 'decided']).optional(),
});
export type PromotionListQuery = z.infer<typeof promotionListQuery>;

const promotionCounts = z.object({
  students: z.number().int(),
  promoted: z.number().int(),
  retest: z.number().int(),
  summerConduct: z.number().int(),
  retained: z.number().int(),
  notClassified: z.number().int(),
  finalPromoted: z.number().int(),
  finalRetained: z.number().int(),
  pending: z.number().int(),
});
export type PromotionCounts = z.infer<typeof promotionCounts>;
/** The counts in the order the page and the export show them. */
export const PROMOTION_COUNT_KEYS = promotionCounts.keyof().options;

export const promotionListSchema = z.object({
  school: z.object({ id: z.uuid(), name: z.string() }),
  schoolYear: z.string(),
  classes: z.array(z.object({ id: z.uuid(), name: z.string(), grade: z.number().int() })),
  grades: z.array(promotionCounts.extend({ grade: z.number().int() })),
  total: promotionCounts,
  students: z.array(
    z.object({
      studentId: z.uuid(),
      fullName: z.string(),
      birthDate: z.string().nullable(),
      classId: z.uuid(),
      className: z.string(),
      grade: z.number().int(),
      promotion: z.enum(PROMOTION_ACTIONS),
      learningResult: level4.nullable(),
      conductResult: level4.nullable(),
      absentSessions: z.number().int(),
      /** TT22 Điều 14: scored subjects with ĐTBmcn < 5,0 and comment subjects at Chưa đạt, with any re-test. */
      retestSubjects: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          yearAverage: z.number().nullable(),
          yearResult: z.enum(PASS_FAIL).nullable(),
          retestScore: z.number().nullable(),
          retestResult: z.enum(PASS_FAIL).nullable(),
        }),
      ),
      summerConductResult: level4.nullable(),
      finalPromotion: z.enum(FINAL_PROMOTIONS).nullable(),
    }),
  ),
  canManage: z.boolean(),
});
export type PromotionList = z.infer<typeof promotionListSchema>;
