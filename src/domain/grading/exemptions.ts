import { GradingInputError } from './errors.ts';

/**
 * Exemption from the practical part of Giáo dục thể chất or GDQP-AN, TT22 Điều 10:
 * - khoản 1: a student who has difficulty studying because of a chronic illness, a disability, an accident or an
 *   illness under treatment is exempted from the practical part of those two subjects (not from the subject);
 * - khoản 2: the file is the student's application and a medical record or injury certificate from a hospital of
 *   district level or above;
 * - khoản 3: an illness or accident exempts within the school year only; a chronic illness, a disability or a
 *   long-term injury may exempt for the school year or the whole level; the principal decides, for one term or for
 *   the school year;
 * - khoản 4: the exempted student is assessed with theory content in place of the practical part, "để có đủ số
 *   lần kiểm tra, đánh giá theo quy định".
 * So the subject's result follows the ordinary rules: the same number of assessments (Điều 6, 7), the same result
 * (Đạt / Chưa đạt for GDTC, the average for GDQP-AN, Điều 9), and the subject still counts in the learning result.
 * What changes is what each assessment is: theory instead of practice, which the grid shows.
 */

export const PRACTICAL_EXEMPTION_SUBJECTS = ['physical-education', 'national-defence'] as const;
export type PracticalExemptionSubject = (typeof PRACTICAL_EXEMPTION_SUBJECTS)[number];

/** Khoản 1: the grounds. */
export const EXEMPTION_GROUNDS = [
  'chronic_illness',
  'disability',
  'accident',
  'illness_under_treatment',
] as const;
export type ExemptionGround = (typeof EXEMPTION_GROUNDS)[number];

/** Khoản 3: the principal decides for one term or the school year (a whole level is one decision per year). */
export const EXEMPTION_PERIODS = ['term1', 'term2', 'year'] as const;
export type ExemptionPeriod = (typeof EXEMPTION_PERIODS)[number];

export interface PracticalExemption {
  subjectCode: string;
  ground: ExemptionGround;
  period: ExemptionPeriod;
  /** Khoản 2: the medical record or injury certificate is on file. */
  medicalEvidence: boolean;
  /** The principal's decision (number and date), khoản 3. */
  decision: string;
}

/** Refuses an exemption the article does not allow, with the reason in Vietnamese. */
export function checkPracticalExemption(e: PracticalExemption): void {
  if (!(PRACTICAL_EXEMPTION_SUBJECTS as readonly string[]).includes(e.subjectCode)) {
    throw new GradingInputError(
      'invalid_count',
      'Chỉ miễn học phần thực hành của môn Giáo dục thể chất hoặc Giáo dục quốc phòng và an ninh (TT22 Điều 10).',
      'subjectCode',
    );
  }
  if (!e.medicalEvidence) {
    throw new GradingInputError(
      'invalid_count',
      'Hồ sơ miễn cần bệnh án hoặc giấy chứng nhận thương tật của bệnh viện từ cấp huyện trở lên (TT22 Điều 10 khoản 2).',
      'medicalEvidence',
    );
  }
  if (e.decision.trim().length === 0) {
    throw new GradingInputError(
      'invalid_count',
      'Ghi số, ngày quyết định cho miễn của hiệu trưởng (TT22 Điều 10 khoản 3).',
      'decision',
    );
  }
}

/** Whether the exemption covers this term (khoản 3: one term, or the school year). */
export function exemptionCoversTerm(period: ExemptionPeriod, term: 1 | 2): boolean {
  return period === 'year' || (period === 'term1' ? term === 1 : term === 2);
}

/**
 * Khoản 4: the number of assessments the exempted student needs is the ordinary one — theory replaces practice —
 * so the caller's required count is returned unchanged; the function exists so the rule is stated once and tested.
 */
export function requiredAssessmentsWhenExempted(ordinaryRequired: number): number {
  return ordinaryRequired;
}

/** Khoản 3: a term exemption inside a year one (or the reverse) says the same thing twice; one decision per term. */
export function exemptionPeriodsOverlap(a: ExemptionPeriod, b: ExemptionPeriod): boolean {
  return a === b || a === 'year' || b === 'year';
}

const TERM_NAME = { 1: 'HK I', 2: 'HK II' } as const;

/**
 * What the score grid shows beside an exempted student for this term (khoản 4): every assessment still applies,
 * on the theory content, so the label names the exemption and its decision rather than greying cells; null when
 * no exemption of this subject covers the term.
 */
export function exemptionNotice(
  exemptions: readonly { subjectCode: string; period: ExemptionPeriod; decision: string }[],
  subjectCode: string,
  term: 1 | 2,
): string | null {
  const e = exemptions.find((x) => x.subjectCode === subjectCode && exemptionCoversTerm(x.period, term));
  if (!e) return null;
  const scope = e.period === 'year' ? 'cả năm học' : TERM_NAME[term];
  return `Miễn học phần thực hành (${scope}, ${e.decision}) — đánh giá bằng nội dung lí thuyết, đủ số lần theo quy định.`;
}
