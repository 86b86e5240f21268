import { GradingInputError } from './errors.ts';
import { completesGrade, primaryYearOutcome } from './primary.ts';
import { assertPrimaryTestScore } from './scores.ts';
import {
  PRIMARY_LEVELS,
  PRIMARY_TRAIT_LEVELS,
  type PrimaryLevel,
  type PrimaryOutcome,
  type PrimarySupportStage,
  type PrimaryTraitLevel,
} from './types.ts';

/**
 * Primary pupils who do not complete the grade, Thông tư 27/2020/TT-BGDĐT Điều 11 khoản 1:
 * - điểm a: "Học sinh được xác nhận hoàn thành chương trình lớp học là những học sinh được đánh giá kết quả giáo dục
 *   ở một trong ba mức: Hoàn thành xuất sắc, Hoàn thành tốt, Hoàn thành."
 * - điểm b: "Đối với học sinh chưa được xác nhận hoàn thành chương trình lớp học, giáo viên lập kế hoạch, hướng dẫn,
 *   giúp đỡ; đánh giá bổ sung để xét hoàn thành chương trình lớp học."
 * - điểm c: "Đối với học sinh đã được hướng dẫn, giúp đỡ mà vẫn chưa đủ điều kiện hoàn thành chương trình lớp học,
 *   tùy theo mức độ chưa hoàn thành ở các môn học, hoạt động giáo dục, mức độ hình thành và phát triển một số phẩm
 *   chất, năng lực, giáo viên lập danh sách báo cáo hiệu trưởng để tổ chức kiểm tra, đánh giá và xem xét, quyết định
 *   việc được lên lớp hoặc chưa được lên lớp."
 * Khoản 2: a pupil who completes grade 5 is recorded in the học bạ as "Hoàn thành chương trình tiểu học".
 *
 * Reading: the further assessment (đánh giá bổ sung) re-assesses the aspects that held the pupil back — subjects at
 * Chưa hoàn thành, qualities and competences at Cần cố gắng, end-of-year tests under 5 — and the outcome is then
 * derived by the same rule as the year's (Điều 9 khoản 2 điểm a, `primaryYearOutcome`) from the year's evaluations
 * with the re-assessed ones in their place. Completing after it promotes the pupil; not completing sends the pupil
 * to the principal's list (điểm c), who decides with a reason. There is no "kiểm tra lại" or "rèn luyện hè" in TT27.
 */

/** One aspect of the end-of-year evaluation: `subject:<code>`, `quality:<name>` or `competence:<name>`. */
export interface PrimaryAspectMark {
  aspect: string;
  level: PrimaryLevel | PrimaryTraitLevel;
  /** End-of-year periodic test score of a subject with a test (whole number 1–10), else null. */
  testScore: number | null;
}

export { PRIMARY_SUPPORT_STAGES, type PrimarySupportStage } from './types.ts';

const kindOf = (aspect: string) => aspect.slice(0, aspect.indexOf(':'));

/** Whether this mark holds the pupil back from Hoàn thành (Điều 9 khoản 2 điểm a, the third level). */
function holdsBack(mark: PrimaryAspectMark): boolean {
  if (mark.level === 'not_completed' || mark.level === 'needs_effort') return true;
  return mark.testScore !== null && mark.testScore < 5;
}

/** The aspects the further assessment re-assesses (Điều 11 khoản 1 điểm b): those that held the pupil back. */
export function aspectsToReassess(year: readonly PrimaryAspectMark[]): PrimaryAspectMark[] {
  return year.filter(holdsBack);
}

/** The outcome of a set of end-of-year marks (Điều 9 khoản 2 điểm a). */
export function outcomeOfMarks(marks: readonly PrimaryAspectMark[]): PrimaryOutcome {
  const of = (kind: string) => marks.filter((m) => kindOf(m.aspect) === kind);
  return primaryYearOutcome({
    subjects: of('subject').map((m) => m.level as PrimaryLevel),
    qualities: of('quality').map((m) => m.level as PrimaryTraitLevel),
    competencies: of('competence').map((m) => m.level as PrimaryTraitLevel),
    testScores: of('subject').flatMap((m) => (m.testScore === null ? [] : [m.testScore])),
  });
}

/**
 * The outcome after the further assessment: the year's marks with the re-assessed ones in their place. Only an
 * aspect that held the pupil back may be re-assessed, with a level of its kind and, for a subject with a test, a
 * whole-number score 1–10; a refused entry names its index (`reassessed[i]`).
 */
export function outcomeAfterSupport(
  year: readonly PrimaryAspectMark[],
  reassessed: readonly PrimaryAspectMark[],
): PrimaryOutcome {
  if (reassessed.length === 0) {
    throw new GradingInputError(
      'missing_subjects',
      'Chưa nhập kết quả đánh giá bổ sung của môn học, phẩm chất hay năng lực nào.',
      'reassessed',
    );
  }
  const due = new Map(aspectsToReassess(year).map((m) => [m.aspect, m]));
  const seen = new Set<string>();
  reassessed.forEach((mark, i) => {
    const field = `reassessed[${i}]`;
    const before = due.get(mark.aspect);
    if (!before || seen.has(mark.aspect)) {
      throw new GradingInputError(
        'invalid_score',
        `Mục thứ ${i + 1} không thuộc diện đánh giá bổ sung (chỉ môn học Chưa hoàn thành, phẩm chất hoặc năng lực Cần cố gắng, bài kiểm tra dưới 5 điểm).`,
        field,
      );
    }
    seen.add(mark.aspect);
    const allowed: readonly string[] =
      kindOf(mark.aspect) === 'subject' ? PRIMARY_LEVELS : PRIMARY_TRAIT_LEVELS;
    if (!allowed.includes(mark.level)) {
      throw new GradingInputError('invalid_score', `Mức đánh giá của mục thứ ${i + 1} không hợp lệ.`, field);
    }
    if (before.testScore !== null) {
      if (mark.testScore === null) {
        throw new GradingInputError(
          'invalid_score',
          `Mục thứ ${i + 1} có bài kiểm tra định kì: nhập điểm kiểm tra đánh giá bổ sung.`,
          `${field}.testScore`,
        );
      }
      assertPrimaryTestScore(mark.testScore, `${field}.testScore`);
    } else if (mark.testScore !== null) {
      throw new GradingInputError(
        'invalid_score',
        `Mục thứ ${i + 1} không có bài kiểm tra định kì.`,
        `${field}.testScore`,
      );
    }
  });
  const replaced = new Map(reassessed.map((m) => [m.aspect, m]));
  return outcomeOfMarks(year.map((m) => replaced.get(m.aspect) ?? m));
}

export interface PrimarySupportState {
  /** The year outcome at the close (Điều 9 khoản 2). */
  outcome: PrimaryOutcome;
  hasPlan: boolean;
  /** The outcome after the further assessment, null while not assessed. */
  afterSupport: PrimaryOutcome | null;
  /** The principal's decision (Điều 11 khoản 1 điểm c), null while not decided. */
  decision: 'promoted' | 'retained' | null;
}

/** Where the pupil is on the path of Điều 11 khoản 1. */
export function primarySupportStage(s: PrimarySupportState): PrimarySupportStage {
  if (completesGrade(s.outcome)) return 'completed';
  if (!s.hasPlan) return 'support_plan';
  if (s.afterSupport === null) return 'further_assessment';
  if (completesGrade(s.afterSupport)) return 'decided';
  return s.decision === null ? 'principal_decision' : 'decided';
}

/**
 * The final decision: promoted when the year or the further assessment completes the grade (điểm a, b); else the
 * principal's decision (điểm c), null until it is made. A decision recorded before a later further assessment that
 * completes the grade no longer applies.
 */
export function primaryFinalPromotion(s: PrimarySupportState): 'promoted' | 'retained' | null {
  if (completesGrade(s.outcome)) return 'promoted';
  if (s.afterSupport === null) return null;
  if (completesGrade(s.afterSupport)) return 'promoted';
  return s.decision;
}

/**
 * The principal decides only for a pupil who was helped and still does not complete (điểm c): a plan, a further
 * assessment at Chưa hoàn thành; the reason (the degree of non-completion, the qualities and competences shown) is
 * required.
 */
export function checkPrimaryDecision(s: PrimarySupportState, reason: string): void {
  const stage = primarySupportStage({ ...s, decision: null });
  if (stage !== 'principal_decision') {
    const why: Record<Exclude<PrimarySupportStage, 'principal_decision'>, string> = {
      completed:
        'Học sinh đã hoàn thành chương trình lớp học: được lên lớp, không cần Hiệu trưởng quyết định.',
      support_plan:
        'Giáo viên chưa lập kế hoạch hướng dẫn, giúp đỡ học sinh (Điều 11 khoản 1 điểm b Thông tư 27).',
      further_assessment: 'Học sinh chưa được đánh giá bổ sung (Điều 11 khoản 1 điểm b Thông tư 27).',
      decided: 'Học sinh đã hoàn thành chương trình lớp học sau đánh giá bổ sung: được lên lớp.',
    };
    throw new GradingInputError('invalid_score', why[stage], 'decision');
  }
  if (reason.trim().length === 0) {
    throw new GradingInputError('missing_subjects', 'Ghi căn cứ quyết định của Hiệu trưởng.', 'reason');
  }
}
