import { GradingInputError } from './errors.ts';

/** Tốt / Khá / Đạt / Chưa đạt — kết quả học tập and kết quả rèn luyện (TT22 Điều 8 khoản 2, Điều 9 khoản 2). */
export const LEVEL4 = ['excellent', 'good', 'pass', 'fail'] as const;
export type Level4 = (typeof LEVEL4)[number];

/** Đạt / Chưa đạt — a comment-assessed subject (TT22 Điều 5 khoản 3 điểm a, Điều 9 khoản 1 điểm a). */
export const PASS_FAIL = ['pass', 'fail'] as const;
export type PassFail = (typeof PASS_FAIL)[number];

/** Scored or comment-assessed, the two kinds of subject in TT22 Điều 5 khoản 3. */
export type SubjectKind = 'score' | 'comment';

/**
 * One subject's result for a term or the year.
 * `average` is ĐTBmhk (term) or ĐTBmcn (year), 0–10 with at most one decimal.
 */
export type SubjectResult =
  | { subject: string; kind: 'score'; average: number }
  | { subject: string; kind: 'comment'; result: PassFail };

/**
 * Lên lớp / Kiểm tra lại / Rèn luyện trong hè / Ở lại lớp (TT22 Điều 12–14), and Hiệu trưởng quyết định for a
 * student assessed against an individual education plan (Điều 12 khoản 4; migration 0090).
 */
export const PROMOTIONS = ['promoted', 'retest', 'summer_conduct', 'retained', 'principal_decision'] as const;
export type Promotion = (typeof PROMOTIONS)[number];

/** After the summer re-test or conduct re-assessment, the student is promoted or retained (TT22 Điều 13, 14). */
export const FINAL_PROMOTIONS = ['promoted', 'retained'] as const satisfies readonly Promotion[];

/** Học sinh Xuất sắc / Học sinh Giỏi (TT22 Điều 15 khoản 1). */
export const AWARDS = ['outstanding', 'excellent'] as const;
export type Award = (typeof AWARDS)[number];

/** Học sinh Xuất sắc / Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện (TT27 Điều 13 khoản 1 điểm a). */
export const PRIMARY_AWARDS = ['outstanding', 'exemplary'] as const;
export type PrimaryAward = (typeof PRIMARY_AWARDS)[number];

/** Every title a year result may hold: TT22's two and primary's Tiêu biểu ('outstanding' is both Xuất sắc). */
export const RESULT_AWARDS = ['outstanding', 'excellent', 'exemplary'] as const;
export type ResultAward = (typeof RESULT_AWARDS)[number];

/** Hoàn thành tốt / Hoàn thành / Chưa hoàn thành — a primary subject or activity (TT27 Điều 7 khoản 1). */
export const PRIMARY_LEVELS = ['completed_well', 'completed', 'not_completed'] as const;
export type PrimaryLevel = (typeof PRIMARY_LEVELS)[number];

/** Tốt / Đạt / Cần cố gắng — a primary quality or competence (TT27 Điều 7 khoản 2). */
export const PRIMARY_TRAIT_LEVELS = ['good', 'pass', 'needs_effort'] as const;
export type PrimaryTraitLevel = (typeof PRIMARY_TRAIT_LEVELS)[number];

/** Checkpoints of the periodic evaluation: mid and end of each term (TT27 Điều 6, đánh giá định kỳ). */
export const PRIMARY_CHECKPOINTS = ['mid1', 'end1', 'mid2', 'end2'] as const;
export type PrimaryCheckpoint = (typeof PRIMARY_CHECKPOINTS)[number];

/** Hoàn thành xuất sắc / Hoàn thành tốt / Hoàn thành / Chưa hoàn thành (TT27 Điều 9 khoản 2 điểm a). */
export const PRIMARY_OUTCOMES = [
  'completed_excellently',
  'completed_well',
  'completed',
  'not_completed',
] as const;
export type PrimaryOutcome = (typeof PRIMARY_OUTCOMES)[number];

/** Levels from lowest to highest; the index is the rank used to count "levels below" (TT22 Điều 9 khoản 3). */
export const LEVEL4_ASCENDING: readonly Level4[] = ['fail', 'pass', 'good', 'excellent'];

export function levelRank(level: Level4): number {
  return LEVEL4_ASCENDING.indexOf(level);
}

export function levelAtLeast(level: Level4, minimum: Level4): boolean {
  return levelRank(level) >= levelRank(minimum);
}

/** Throws unless `level` is one of the four levels; `label` names it in Vietnamese ("Kết quả rèn luyện học kì I"). */
export function assertLevel4(level: Level4, field: string, label: string): void {
  if (!LEVEL4_ASCENDING.includes(level)) {
    throw new GradingInputError('invalid_score', `${label} phải là Tốt, Khá, Đạt hoặc Chưa đạt.`, field);
  }
}

/**
 * The path of a primary pupil who does not complete the grade (TT27 Điều 11 khoản 1), in order: `completed` when the
 * year outcome completes it, then the support plan, the further assessment, the principal's decision, decided.
 */
export const PRIMARY_SUPPORT_STAGES = [
  'completed',
  'support_plan',
  'further_assessment',
  'principal_decision',
  'decided',
] as const;
export type PrimarySupportStage = (typeof PRIMARY_SUPPORT_STAGES)[number];
