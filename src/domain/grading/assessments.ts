import { GradingInputError } from './errors.ts';
import type { PassFail, SubjectKind } from './types.ts';

/**
 * How many assessments a subject has per term, and the result of a comment-assessed subject (TT22 Điều 6, 7, 9).
 * The periods per year are configuration (the subject's plan, learning topics / chuyên đề excluded), not rules.
 */

/** TT22 Điều 7 khoản 2, 3: one mid-term and one end-of-term assessment per term, for every subject. */
export const PERIODIC_ASSESSMENTS_PER_TERM = { midterm: 1, final: 1 } as const;

/** TT22 Điều 6 khoản 2 điểm a: a comment-assessed subject has 2 regular assessments per term. */
export const COMMENT_SUBJECT_REGULAR_ASSESSMENTS = 2;

/**
 * All assessments a comment-assessed subject needs in a term: 2 regular + 1 mid-term + 1 end-of-term. This is the
 * `required` of `commentSubjectTermResult` ("có đủ số lần kiểm tra, đánh giá theo quy định", Điều 9 khoản 1 a).
 */
export const COMMENT_SUBJECT_ASSESSMENTS_PER_TERM =
  COMMENT_SUBJECT_REGULAR_ASSESSMENTS +
  PERIODIC_ASSESSMENTS_PER_TERM.midterm +
  PERIODIC_ASSESSMENTS_PER_TERM.final;

/** The largest number of ĐĐGtx a scored subject can have in one term by its periods (TT22 Điều 6 khoản 2 điểm b). */
export const MAX_REGULAR_ASSESSMENTS = 4;

/**
 * Chuyên đề học tập (THPT, 2018 programme: three learning topics, 35 periods a year, in the subjects a class
 * chooses). TT22 Điều 6 khoản 2 điểm b counts the ĐĐGtx of a scored subject by its periods "không bao gồm chuyên đề
 * học tập"; the topics are assessed as regular assessment of the subject, one more ĐĐGtx per term, which enters
 * ĐTBmhk like the others (Điều 9 khoản 1 b: TĐĐGtx and "số ĐĐGtx" include it). So a subject with learning topics
 * has 3–5 ĐĐGtx per term.
 */
export const LEARNING_TOPIC_REGULAR_ASSESSMENTS = 1;

/** The largest number of ĐĐGtx a scored subject with learning topics can have in one term. */
export const MAX_REGULAR_ASSESSMENTS_WITH_TOPICS =
  MAX_REGULAR_ASSESSMENTS + LEARNING_TOPIC_REGULAR_ASSESSMENTS;

function assertPeriods(periodsPerYear: number): void {
  if (!Number.isInteger(periodsPerYear) || periodsPerYear <= 0) {
    throw new GradingInputError(
      'invalid_count',
      `Số tiết/năm học phải là số nguyên dương (đang là ${periodsPerYear}).`,
      'periodsPerYear',
    );
  }
}

/**
 * Số ĐĐGtx per term of a scored subject (TT22 Điều 6 khoản 2 điểm b): "Môn học có 35 tiết/năm học: 02 ĐĐGtx. Môn học
 * có trên 35 tiết/năm học đến 70 tiết/năm học: 03 ĐĐGtx. Môn học có trên 70 tiết/năm học: 04 ĐĐGtx."
 * The text names exactly 35 periods for the first band; the 2018 programme has no scored subject below 35, so we
 * read the band as "35 or fewer" rather than reject a plan of, say, 30 periods.
 */
export function regularAssessmentCount(
  periodsPerYear: number,
  options?: { learningTopics?: boolean },
): number {
  assertPeriods(periodsPerYear);
  const topics = options?.learningTopics ? LEARNING_TOPIC_REGULAR_ASSESSMENTS : 0;
  if (periodsPerYear <= 35) return 2 + topics;
  if (periodsPerYear <= 70) return 3 + topics;
  return 4 + topics;
}

/** Số ĐĐGtx per term for either kind of subject: comment-assessed subjects always have 2 (TT22 Điều 6 khoản 2 a). */
export function requiredRegularAssessments(s: {
  periodsPerYear: number;
  kind: SubjectKind;
  /** The subject has chuyên đề học tập this year (THPT): one more ĐĐGtx per term for a scored subject. */
  learningTopics?: boolean;
}): number {
  if (s.kind === 'comment') {
    assertPeriods(s.periodsPerYear);
    return COMMENT_SUBJECT_REGULAR_ASSESSMENTS;
  }
  return regularAssessmentCount(s.periodsPerYear, { learningTopics: s.learningTopics ?? false });
}

/**
 * Length of a periodic test in minutes (TT22 Điều 7 khoản 1): 45 minutes up to 70 periods/year, 60 to 90 minutes
 * above 70, at most 120 minutes for a specialised subject (môn chuyên).
 */
export function periodicTestMinutes(s: { periodsPerYear: number; specialised?: boolean }): {
  min: number;
  max: number;
} {
  assertPeriods(s.periodsPerYear);
  if (s.specialised) return { min: 60, max: 120 };
  if (s.periodsPerYear <= 70) return { min: 45, max: 45 };
  return { min: 60, max: 90 };
}

/**
 * Term result of a comment-assessed subject (TT22 Điều 9 khoản 1 điểm a): "Mức Đạt: Có đủ số lần kiểm tra, đánh giá
 * theo quy định tại Thông tư này và tất cả các lần được đánh giá mức Đạt. Mức Chưa đạt: Các trường hợp còn lại."
 * `assessments` are every assessment of the term (regular and periodic); `required` is how many the student must
 * have, normally `COMMENT_SUBJECT_ASSESSMENTS_PER_TERM`. A missed assessment is made up (kiểm tra bù); until it is,
 * the student does not have "đủ số lần" and the result is Chưa đạt.
 */
export function commentSubjectTermResult(s: { assessments: PassFail[]; required: number }): PassFail {
  if (!Number.isInteger(s.required) || s.required < 1) {
    throw new GradingInputError(
      'invalid_count',
      `Số lần đánh giá bắt buộc phải là số nguyên dương (đang là ${s.required}).`,
      'required',
    );
  }
  s.assessments.forEach((assessment, index) => {
    if (assessment !== 'pass' && assessment !== 'fail') {
      throw new GradingInputError(
        'invalid_score',
        `Lần đánh giá thứ ${index + 1} phải là Đạt hoặc Chưa đạt.`,
        `assessments[${index}]`,
      );
    }
  });
  const enough = s.assessments.length >= s.required;
  return enough && s.assessments.every((assessment) => assessment === 'pass') ? 'pass' : 'fail';
}

/**
 * Year result of a comment-assessed subject (TT22 Điều 9 khoản 1 điểm a): the term-2 result decides alone — "Mức
 * Đạt: Kết quả học tập học kì II được đánh giá mức Đạt". Term 1 is taken only so callers pass both terms knowingly.
 */
export function commentSubjectYearResult(s: { term1: PassFail; term2: PassFail }): PassFail {
  return s.term2;
}
