import { GradingInputError } from './errors.ts';
import { assertPrimaryTestScore } from './scores.ts';
import {
  PRIMARY_LEVELS,
  PRIMARY_TRAIT_LEVELS,
  type PrimaryAward,
  type PrimaryLevel,
  type PrimaryOutcome,
  type PrimaryTraitLevel,
} from './types.ts';

/**
 * Primary school (grades 1–5), Thông tư 27/2020/TT-BGDĐT.
 *
 * Periodic tests (Điều 7 khoản 1 điểm b): at the end of term 1 and the end of the year in the compulsory subjects
 * Tiếng Việt, Toán, Ngoại ngữ 1, Lịch sử và Địa lí, Khoa học, Tin học và Công nghệ; grades 4 and 5 also at mid
 * term 1 and mid term 2 in Tiếng Việt and Toán. Scored on the 10-point scale, no decimals.
 */

export const PRIMARY_TEST_SUBJECTS = [
  'Tiếng Việt',
  'Toán',
  'Ngoại ngữ 1',
  'Lịch sử và Địa lí',
  'Khoa học',
  'Tin học và Công nghệ',
] as const;

/** Những phẩm chất chủ yếu assessed in primary school (TT27 Điều 5, nội dung đánh giá). */
export const PRIMARY_QUALITIES = ['Yêu nước', 'Nhân ái', 'Chăm chỉ', 'Trung thực', 'Trách nhiệm'] as const;

/** Những năng lực cốt lõi: the general ones, then the specific ones (TT27 Điều 5, nội dung đánh giá). */
export const PRIMARY_COMPETENCIES = [
  'Tự chủ và tự học',
  'Giao tiếp và hợp tác',
  'Giải quyết vấn đề và sáng tạo',
  'Ngôn ngữ',
  'Tính toán',
  'Khoa học',
  'Công nghệ',
  'Tin học',
  'Thẩm mĩ',
  'Thể chất',
] as const;

function assertNonEmpty(list: readonly unknown[], field: string, what: string): void {
  if (list.length === 0) {
    throw new GradingInputError('missing_subjects', `Chưa có kết quả đánh giá ${what}.`, field);
  }
}

function assertMembers<T>(list: readonly T[], allowed: readonly T[], field: string, what: string): void {
  list.forEach((value, index) => {
    if (!allowed.includes(value)) {
      throw new GradingInputError(
        'invalid_score',
        `Mức đánh giá ${what} thứ ${index + 1} không hợp lệ.`,
        `${field}[${index}]`,
      );
    }
  });
}

/**
 * Year outcome, TT27 Điều 9 khoản 2 điểm a:
 * - Hoàn thành xuất sắc: every subject and educational activity Hoàn thành tốt; every quality and competence Tốt;
 *   "bài kiểm tra định kì cuối năm học của các môn học đạt 9 điểm trở lên".
 * - Hoàn thành tốt: not the above, but subjects Hoàn thành tốt, qualities and competences Tốt, tests ≥ 7.
 * - Hoàn thành: not the above, but subjects Hoàn thành tốt or Hoàn thành, qualities and competences Tốt or Đạt,
 *   tests ≥ 5.
 * - Chưa hoàn thành: everyone else.
 * `testScores` are the end-of-year periodic tests (whole numbers 0–10). A student with no end-of-year test (e.g.
 * exempted) is not held back by the test condition; subjects, qualities and competences must not be empty, since
 * an empty list would make "every subject Hoàn thành tốt" vacuously true.
 */
export function primaryYearOutcome(s: {
  subjects: PrimaryLevel[];
  competencies: PrimaryTraitLevel[];
  qualities: PrimaryTraitLevel[];
  testScores: number[];
}): PrimaryOutcome {
  assertNonEmpty(s.subjects, 'subjects', 'môn học, hoạt động giáo dục');
  assertNonEmpty(s.competencies, 'competencies', 'năng lực');
  assertNonEmpty(s.qualities, 'qualities', 'phẩm chất');
  assertMembers(s.subjects, PRIMARY_LEVELS, 'subjects', 'môn học');
  assertMembers(s.competencies, PRIMARY_TRAIT_LEVELS, 'competencies', 'năng lực');
  assertMembers(s.qualities, PRIMARY_TRAIT_LEVELS, 'qualities', 'phẩm chất');
  s.testScores.forEach((score, index) => {
    assertPrimaryTestScore(score, `testScores[${index}]`);
  });

  const traits = [...s.competencies, ...s.qualities];
  const allSubjectsWell = s.subjects.every((level) => level === 'completed_well');
  const allTraitsGood = traits.every((level) => level === 'good');
  const testsAtLeast = (minimum: number) => s.testScores.every((score) => score >= minimum);

  if (allSubjectsWell && allTraitsGood && testsAtLeast(9)) return 'completed_excellently';
  if (allSubjectsWell && allTraitsGood && testsAtLeast(7)) return 'completed_well';
  const noSubjectIncomplete = s.subjects.every((level) => level !== 'not_completed');
  const noTraitNeedsEffort = traits.every((level) => level !== 'needs_effort');
  if (noSubjectIncomplete && noTraitNeedsEffort && testsAtLeast(5)) return 'completed';
  return 'not_completed';
}

/**
 * Completes the grade (TT27 Điều 11 khoản 1 điểm a): any outcome but Chưa hoàn thành. A student who does not gets a
 * support plan and a further assessment; the principal then decides on promotion (điểm b, c) — not this rule.
 */
export function completesGrade(outcome: PrimaryOutcome): boolean {
  return outcome !== 'not_completed';
}

/**
 * Year-end titles, TT27 Điều 13 khoản 1 điểm a: "Học sinh Xuất sắc" for Hoàn thành xuất sắc; "Học sinh Tiêu biểu
 * hoàn thành tốt trong học tập và rèn luyện" for Hoàn thành tốt with an outstanding achievement in at least one
 * subject or clear progress in at least one quality or competence, recognised by the class — a judgement the caller
 * records as `recognisedByClass`.
 */
export function primaryAward(s: {
  outcome: PrimaryOutcome;
  recognisedByClass: boolean;
}): PrimaryAward | null {
  if (s.outcome === 'completed_excellently') return 'outstanding';
  if (s.outcome === 'completed_well' && s.recognisedByClass) return 'exemplary';
  return null;
}
