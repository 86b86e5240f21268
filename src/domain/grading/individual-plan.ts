import { GradingInputError } from './errors.ts';
import { promotion } from './promotion.ts';
import type { Level4, Promotion } from './types.ts';

/**
 * Students with a disability assessed against an individual education plan (kế hoạch giáo dục cá nhân).
 *
 * TT22 Điều 11: a student with a disability is assessed to encourage progress; one who studies inclusively and
 * can meet the programme's requirements is assessed as other students, with the adjustments the individual plan
 * makes; one who cannot is assessed on the progress made against that plan. Điều 12 khoản 4: for a student with a
 * disability the principal considers and decides promotion (or completion of the level) from that assessment.
 * TT27 (primary) likewise has the principal decide from the individual plan's assessment. Whether a student is
 * assessed this way is the school's decision, so it is a per-student flag for the school year, not something the
 * rules infer; while it is set the promotion rule of Điều 12 khoản 1 does not decide for that student.
 */

/** The close's decision when the student is assessed against an individual plan: the principal decides. */
export const PRINCIPAL_DECIDES = 'principal_decision' as const satisfies Promotion;

/** The year-end decision: Điều 12 khoản 4 for a flagged student, Điều 12 khoản 1–3 (`promotion`) for the others. */
export function yearDecision(s: {
  learning: Level4;
  conduct: Level4;
  absentSessions: number;
  individualPlan: boolean;
}): Promotion {
  if (s.individualPlan) return PRINCIPAL_DECIDES;
  return promotion(s);
}

/**
 * The principal's decision for a flagged student: promoted (or the level completed) or retained, with the reason
 * the học bạ prints. Refused for a student the close did not list as "Hiệu trưởng quyết định", or without a reason.
 */
export function checkPrincipalDecision(s: {
  promotion: Promotion | null;
  decision: 'promoted' | 'retained';
  reason: string;
}): void {
  if (s.promotion !== PRINCIPAL_DECIDES) {
    throw new GradingInputError(
      'invalid_count',
      'Chỉ học sinh khuyết tật được đánh giá theo kế hoạch giáo dục cá nhân mới do Hiệu trưởng quyết định lên lớp (Điều 12 khoản 4 Thông tư 22).',
      'decision',
    );
  }
  if (s.reason.trim().length === 0) {
    throw new GradingInputError(
      'invalid_count',
      'Ghi căn cứ quyết định của Hiệu trưởng (kết quả đánh giá theo kế hoạch giáo dục cá nhân).',
      'reason',
    );
  }
}
