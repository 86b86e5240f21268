import { z } from 'zod';
import { multiline } from '#contracts/common.ts';
import {
  FINAL_PROMOTIONS,
  LEVEL4,
  PASS_FAIL,
  PRIMARY_OUTCOMES,
  PRIMARY_SUPPORT_STAGES,
  PROMOTIONS,
  RESULT_AWARDS,
  PRIMARY_TRAIT_LEVELS as TRAIT_LEVELS,
} from '../domain/grading/types.ts';

const level4 = z.enum(LEVEL4);
const passFail = z.enum(PASS_FAIL);
const promotion = z.enum(PROMOTIONS);
const finalPromotion = z.enum(FINAL_PROMOTIONS);

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

/** The school assesses the student against an individual education plan (TT22 Điều 11, Điều 12 khoản 4). */
export const individualPlanBody = z.object({
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.'),
  enabled: z.boolean(),
  note: multiline('Ghi chú').max(1000).optional(),
});
export type IndividualPlanInput = z.infer<typeof individualPlanBody>;
export const individualPlanSchema = z.object({
  studentId: z.uuid(),
  schoolYear: z.string(),
  enabled: z.boolean(),
  note: z.string().nullable(),
});

/** The principal's decision for a student on an individual plan (Điều 12 khoản 4), with its reason. */
export const principalDecisionBody = z.object({
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.'),
  decision: finalPromotion,
  reason: multiline('Lý do').min(1, 'Ghi căn cứ quyết định.').max(1000),
});
export type PrincipalDecisionInput = z.infer<typeof principalDecisionBody>;
export const principalDecisionSchema = z.object({
  studentId: z.uuid(),
  finalPromotion: finalPromotion,
  reason: z.string(),
});

export const termQuery = z.object({ term: z.coerce.number().int().min(0).max(2).default(0) });

export const summaryQuery = z.object({
  unitId: z.uuid(),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/),
  term: z.coerce.number().int().min(0).max(2).default(0),
});

export const jobQueued = z.object({ jobId: z.uuid() });

/** The decisions of TT22 Điều 12–14 that call for action after the year close (lên lớp needs none). */
/**
 * The decisions that need action after the close: the summer (TT22 Điều 13, 14), retention, and the principal's
 * decision for a student assessed against an individual education plan (Điều 12 khoản 4).
 */
export const PROMOTION_ACTIONS = ['retest', 'summer_conduct', 'retained', 'principal_decision'] as const;

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
  /** TT22 Điều 12 khoản 4: on an individual education plan, promoted or retained by the principal's decision. */
  principalDecision: z.number().int(),
  notClassified: z.number().int(),
  finalPromoted: z.number().int(),
  finalRetained: z.number().int(),
  /** Sent to the summer or to the principal's decision, and not yet decided. */
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
      /** Year learning result after the summer re-test (TT22 Điều 14). */
      learningAfterRetest: level4.nullable(),
      finalPromotion: z.enum(FINAL_PROMOTIONS).nullable(),
    }),
  ),
  canManage: z.boolean(),
});
export type PromotionList = z.infer<typeof promotionListSchema>;

/** A subject's value in a class's results: ĐTBmhk / ĐTBmcn or Đạt / Chưa đạt, and the summer re-test if any. */
const subjectCellSchema = z.object({
  average: z.number().nullable(),
  result: passFail.nullable(),
  retestScore: z.number().nullable(),
  retestResult: passFail.nullable(),
});

/** How many of the counted students reached a level, and their share in percent (one decimal). */
const levelCountSchema = z.object({ level: level4, count: z.number().int(), percent: z.number() });
export type LevelCount = z.infer<typeof levelCountSchema>;

/**
 * A primary class's or grade's year under TT27 Điều 9 khoản 2: how many pupils reached each outcome, the titles of
 * Điều 13, and per quality and competence how many are Tốt / Đạt / Cần cố gắng at the end of the year. Every count
 * includes `notEvaluated`, so each list adds up to `students` (the class size, or a grade's pupils with a year row).
 */
export const primarySummarySchema = z.object({
  students: z.number().int(),
  outcomes: z.array(
    z.object({
      outcome: z.enum([...PRIMARY_OUTCOMES, 'not_evaluated']),
      count: z.number().int(),
      percent: z.number(),
    }),
  ),
  awards: z.object({ outstanding: z.number().int(), exemplary: z.number().int() }),
  traits: z.array(
    z.object({
      aspect: z.string(),
      label: z.string(),
      kind: z.enum(['quality', 'competence']),
      counts: z.array(
        z.object({ level: z.enum([...TRAIT_LEVELS, 'not_evaluated']), count: z.number().int() }),
      ),
    }),
  ),
});
export type PrimarySummary = z.infer<typeof primarySummarySchema>;

/** The results table of a class for a term (1, 2) or the year (0), with the class summary. */
export const classResultsSchema = z.object({
  class: z.object({
    id: z.uuid(),
    unitId: z.uuid(),
    name: z.string(),
    grade: z.number().int(),
    schoolYear: z.string(),
    homeroomTeacherName: z.string().nullable(),
  }),
  term: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  subjects: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['score', 'comment']) })),
  students: z.array(
    z.object({
      studentId: z.uuid(),
      fullName: z.string(),
      /** The term or year has been closed for this student (a result row exists). */
      computed: z.boolean(),
      learningResult: level4.nullable(),
      conductResult: level4.nullable(),
      absentSessions: z.number().int().nullable(),
      promotion: promotion.nullable(),
      award: z.enum(RESULT_AWARDS).nullable(),
      /** Primary: what the class recognised for "Học sinh Tiêu biểu" (TT27 Điều 13), if anything. */
      primaryRecognition: z.string().nullable(),
      finalPromotion: finalPromotion.nullable(),
      /** Year conduct re-assessed after summer training (TT22 Điều 13 khoản 3). */
      summerConductResult: level4.nullable(),
      /** Year learning result after the summer re-test (TT22 Điều 14). */
      learningAfterRetest: level4.nullable(),
      /** Assessed against an individual education plan this year (TT22 Điều 11); the principal decides. */
      individualPlan: z.boolean(),
      /** The principal's reason for the decision on such a student (Điều 12 khoản 4). */
      principalDecisionReason: z.string().nullable(),
      /** Primary classes (TT27): the year outcome. */
      primaryOutcome: z
        .enum(['completed_excellently', 'completed_well', 'completed', 'not_completed'])
        .nullable(),
      /** Primary: the outcome after the further assessment (TT27 Điều 11 khoản 1 điểm b), if any. */
      primaryOutcomeAfterSupport: z.enum(PRIMARY_OUTCOMES).nullable(),
      /** By subject code. */
      subjects: z.record(z.string(), subjectCellSchema),
    }),
  ),
  summary: z.object({
    students: z.number().int(),
    computed: z.number().int(),
    learning: z.array(levelCountSchema),
    conduct: z.array(levelCountSchema),
    subjectAverages: z.array(z.object({ code: z.string(), average: z.number().nullable() })),
    /** Primary classes (TT27): the year's outcomes, titles, qualities and competences over the class. */
    primary: primarySummarySchema.nullable(),
  }),
  canManage: z.boolean(),
});
export type ClassResults = z.infer<typeof classResultsSchema>;
export type StudentResult = ClassResults['students'][number];

/** Per grade of a school: counts and percentages per level and, for the year, the promotion decisions. */
export const schoolSummarySchema = z.object({
  schoolYear: z.string(),
  term: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  grades: z.array(
    z.object({
      grade: z.number().int(),
      students: z.number().int(),
      learning: z.array(levelCountSchema),
      conduct: z.array(levelCountSchema),
      promotion: promotionCounts.omit({ students: true }),
      /** Grades 1–5, the year (term 0): TT27 outcomes instead of TT22 levels. */
      primary: primarySummarySchema.nullable(),
    }),
  ),
});
export type SchoolSummary = z.infer<typeof schoolSummarySchema>;

/** The decision after the summer (TT22 Điều 13–14); null while a re-test or the conduct is still missing. */
export const summerResultSchema = z.object({
  studentId: z.uuid(),
  promotion: promotion.nullable(),
  finalPromotion: finalPromotion.nullable(),
  learningAfterRetest: level4.nullable(),
  summerConductResult: level4.nullable(),
});

/** The periodic evaluation points of primary classes (TT27/2020 Điều 6): mid and end of each term. */
export const PRIMARY_CHECKPOINTS = ['mid1', 'end1', 'mid2', 'end2'] as const;
export type Checkpoint = (typeof PRIMARY_CHECKPOINTS)[number];
/** Levels of a subject (Hoàn thành tốt / Hoàn thành / Chưa hoàn thành) and of a quality or competence. */
export const PRIMARY_SUBJECT_LEVELS = ['completed_well', 'completed', 'not_completed'] as const;
export const PRIMARY_TRAIT_LEVELS = ['good', 'pass', 'needs_effort'] as const;
const primaryLevel = z.enum([...PRIMARY_SUBJECT_LEVELS, ...PRIMARY_TRAIT_LEVELS]);

export const primaryGridQuery = z.object({ checkpoint: z.enum(PRIMARY_CHECKPOINTS).default('end2') });

/**
 * A primary periodic test score as entered: a whole number from 1 to 10. TT27 Điều 7 khoản 1 điểm d: "cho điểm theo
 * thang điểm 10, không cho điểm thập phân"; the platform also refuses 0, as the schools asked (issue 11 §5) — the
 * circular itself does not name 0, so this lower bound is a policy kept in this one constant. Server and web both
 * validate with `primaryTestScore`; nothing is rounded, clamped or truncated.
 */
export const PRIMARY_TEST_SCORE_MIN = 1;
export const PRIMARY_TEST_SCORE_MAX = 10;
const testScoreRange = `từ ${PRIMARY_TEST_SCORE_MIN} đến ${PRIMARY_TEST_SCORE_MAX}`;
const typed = (input: unknown) => String(input).replace('.', ',');
export const primaryTestScore = z
  .number({ error: `Điểm kiểm tra định kì là số nguyên ${testScoreRange}.` })
  .int({
    error: (issue) =>
      `Điểm kiểm tra định kì không cho điểm thập phân: ${typed(issue.input)} không hợp lệ, nhập số nguyên ${testScoreRange}.`,
  })
  .min(PRIMARY_TEST_SCORE_MIN, {
    error: (issue) => `Điểm kiểm tra định kì phải ${testScoreRange} (đang là ${typed(issue.input)}).`,
  })
  .max(PRIMARY_TEST_SCORE_MAX, {
    error: (issue) => `Điểm kiểm tra định kì phải ${testScoreRange} (đang là ${typed(issue.input)}).`,
  });

/**
 * Reads a test score as a teacher types it ("8", " 10 ", "7,5", "11"): the whole number, or the reason it is
 * refused. "7,5" is refused, not truncated to 7; "" means no score.
 */
export function parsePrimaryTestScore(
  text: string,
): { ok: true; score: number | null } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, score: null };
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) {
    return { ok: false, reason: `"${trimmed}" không phải là điểm; nhập số nguyên ${testScoreRange}.` };
  }
  const parsed = primaryTestScore.safeParse(Number(trimmed.replace(',', '.')));
  if (parsed.success) return { ok: true, score: parsed.data };
  return { ok: false, reason: parsed.error.issues[0]?.message ?? `Nhập số nguyên ${testScoreRange}.` };
}

export const primaryGridBody = z.object({
  checkpoint: z.enum(PRIMARY_CHECKPOINTS),
  rows: z
    .array(
      z.object({
        studentId: z.uuid(),
        aspect: z.string().min(1).max(80),
        level: primaryLevel,
        testScore: primaryTestScore.nullish(),
        comment: multiline('Nhận xét').max(500, 'Nhận xét tối đa 500 ký tự.').nullish(),
      }),
    )
    .max(5000),
});
export type PrimaryGridInput = z.infer<typeof primaryGridBody>;

/** The evaluation grid of a primary class at one checkpoint: the aspects (columns) and each student's values. */
export const primaryGridSchema = z.object({
  class: z.object({ id: z.uuid(), name: z.string(), grade: z.number().int(), schoolYear: z.string() }),
  checkpoint: z.enum(PRIMARY_CHECKPOINTS),
  aspects: z.array(
    z.object({
      aspect: z.string(),
      label: z.string(),
      kind: z.enum(['subject', 'quality', 'competence']),
      /** A periodic test is due at this checkpoint. */
      test: z.boolean(),
    }),
  ),
  students: z.array(
    z.object({
      studentId: z.uuid(),
      fullName: z.string(),
      /** By aspect. */
      values: z.record(
        z.string(),
        z.object({ level: primaryLevel, testScore: z.number().nullable(), comment: z.string().nullable() }),
      ),
    }),
  ),
  /** The caller may edit some aspects: the homeroom teacher and leaders all, a subject teacher their subjects. */
  canEdit: z.boolean(),
  /** The aspects the caller may edit. */
  editable: z.array(z.string()),
});
export type PrimaryGrid = z.infer<typeof primaryGridSchema>;

/** What a save wrote: cells, the students they belong to, and how many carried a test score and a comment. */
export const primaryGridSaved = z.object({
  saved: z.number().int(),
  students: z.number().int(),
  testScores: z.number().int(),
  comments: z.number().int(),
});
export type PrimaryGridSaved = z.infer<typeof primaryGridSaved>;

/**
 * "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện" (TT27 Điều 13 khoản 1 điểm a): the school records
 * what the class recognised — an outstanding achievement in a subject or clear progress in a quality or competence —
 * for a pupil whose year outcome is Hoàn thành tốt; null withdraws it.
 */
export const primaryRecognitionBody = z.object({
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.'),
  recognition: multiline('Thành tích được tập thể lớp công nhận')
    .min(1, 'Ghi thành tích hoặc tiến bộ được tập thể lớp công nhận.')
    .max(500, 'Thành tích tối đa 500 ký tự.')
    .nullable(),
});
export type PrimaryRecognitionInput = z.infer<typeof primaryRecognitionBody>;

export const primaryRecognitionSchema = z.object({
  studentId: z.uuid(),
  award: z.enum(RESULT_AWARDS).nullable(),
  primaryRecognition: z.string().nullable(),
});

/**
 * Primary pupils who do not complete the grade (TT27 Điều 11 khoản 1 điểm b, c): the support plan, the further
 * assessment (đánh giá bổ sung) of the aspects that held the pupil back, the principal's decision with its reason.
 */
const schoolYearField = z.string().regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.');

export const primarySupportPlanBody = z.object({
  schoolYear: schoolYearField,
  plan: multiline('Kế hoạch hướng dẫn, giúp đỡ')
    .min(1, 'Ghi kế hoạch hướng dẫn, giúp đỡ học sinh.')
    .max(2000, 'Kế hoạch tối đa 2000 ký tự.'),
  /** The version read (lost updates); absent when the pupil has no plan yet. */
  version: z.number().int().min(1).optional(),
});
export type PrimarySupportPlanInput = z.infer<typeof primarySupportPlanBody>;

export const primarySupportAssessmentBody = z.object({
  schoolYear: schoolYearField,
  reassessed: z
    .array(
      z.object({
        aspect: z.string().min(1).max(80),
        level: primaryLevel,
        testScore: primaryTestScore.nullish(),
      }),
    )
    .min(1, 'Nhập kết quả đánh giá bổ sung của ít nhất một môn học, phẩm chất hoặc năng lực.')
    .max(40),
  version: z.number().int().min(1),
});
export type PrimarySupportAssessmentInput = z.infer<typeof primarySupportAssessmentBody>;

export const primarySupportDecisionBody = z.object({
  schoolYear: schoolYearField,
  decision: finalPromotion,
  reason: multiline('Căn cứ quyết định').min(1, 'Ghi căn cứ quyết định.').max(1000),
  version: z.number().int().min(1),
});
export type PrimarySupportDecisionInput = z.infer<typeof primarySupportDecisionBody>;

const supportMark = z.object({
  aspect: z.string(),
  level: primaryLevel,
  testScore: z.number().int().nullable(),
});

/** One pupil on the list: what held the pupil back, the plan, the further assessment, the decision. */
export const primarySupportPupilSchema = z.object({
  studentId: z.uuid(),
  fullName: z.string(),
  schoolYear: z.string(),
  stage: z.enum(PRIMARY_SUPPORT_STAGES),
  outcome: z.enum(PRIMARY_OUTCOMES),
  /** The end-of-year marks that held the pupil back (the ones to re-assess), with their display names. */
  toReassess: z.array(supportMark.extend({ name: z.string() })),
  plan: z.string().nullable(),
  reassessed: z.array(supportMark),
  outcomeAfterSupport: z.enum(PRIMARY_OUTCOMES).nullable(),
  decision: finalPromotion.nullable(),
  decisionReason: z.string().nullable(),
  finalPromotion: finalPromotion.nullable(),
  version: z.number().int().nullable(),
});
export type PrimarySupportPupil = z.infer<typeof primarySupportPupilSchema>;

export const primarySupportListSchema = z.object({
  class: z.object({ id: z.uuid(), name: z.string(), grade: z.number().int(), schoolYear: z.string() }),
  /** The principal (gradebook.manage) decides; the homeroom teacher records plans and further assessments. */
  canDecide: z.boolean(),
  canEdit: z.boolean(),
  pupils: z.array(primarySupportPupilSchema),
});

export type PrimarySupportList = z.infer<typeof primarySupportListSchema>;

/** What a write of the support path returns: the new version and, where it changed, the outcome and decision. */
export const primarySupportSaved = z.object({
  studentId: z.uuid(),
  version: z.number().int(),
  outcomeAfterSupport: z.enum(PRIMARY_OUTCOMES).optional(),
  finalPromotion: finalPromotion.nullable().optional(),
  reason: z.string().optional(),
  stage: z.enum(PRIMARY_SUPPORT_STAGES).optional(),
});
export type PrimarySupportSaved = z.infer<typeof primarySupportSaved>;
