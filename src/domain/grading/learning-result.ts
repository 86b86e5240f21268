import { GradingInputError } from './errors.ts';
import { isScore, scoreProblem } from './scores.ts';
import { LEVEL4_ASCENDING, type Level4, levelRank, type SubjectResult } from './types.ts';

/**
 * Kết quả học tập of a term (from ĐTBmhk) or of the year (from ĐTBmcn), TT22 Điều 9 khoản 2 and 3. The same
 * thresholds serve both; the caller passes term or year subject results.
 */

/** "ít nhất 06 môn học" in Điều 9 khoản 2 and Điều 15: an absolute count, not a share of the subjects. */
export const MIN_SUBJECTS_AT_THRESHOLD = 6;

const THRESHOLD = {
  excellentFloor: 6.5, // Tốt: every scored subject ≥ 6,5 …
  excellentSix: 8.0, // … and at least 6 of them ≥ 8,0
  goodFloor: 5.0, // Khá: every scored subject ≥ 5,0 …
  goodSix: 6.5, // … and at least 6 of them ≥ 6,5
  passSix: 5.0, // Đạt: at least 6 scored subjects ≥ 5,0 …
  passFloor: 3.5, // … and none below 3,5
} as const;

function validate(subjects: readonly SubjectResult[]): void {
  for (let index = 0; index < subjects.length; index += 1) {
    const subject = subjects[index] as SubjectResult;
    if (subject.kind === 'score') {
      // The message is built only for a bad score: the year close validates millions of good ones.
      if (!isScore(subject.average)) {
        const problem = scoreProblem(subject.average, `Điểm trung bình môn ${subject.subject}`) as string;
        throw new GradingInputError('invalid_score', problem, `subjects[${index}].average`);
      }
    } else if (subject.result !== 'pass' && subject.result !== 'fail') {
      throw new GradingInputError(
        'invalid_score',
        `Kết quả môn ${subject.subject} phải là Đạt hoặc Chưa đạt.`,
        `subjects[${index}].result`,
      );
    }
  }
}

/**
 * The level by the thresholds of Điều 9 khoản 2 alone, before the one-subject adjustment of khoản 3.
 *
 * The counts are literal: a student with fewer than 6 scored subjects can never have "ít nhất 06 môn" at a
 * threshold, so reaches neither Tốt, Khá nor Đạt however high the scores. Every TT22 timetable has at least 8 scored
 * subjects, so such a list means incomplete data or a special case (a student with a disability is promoted on the
 * principal's decision, Điều 12 khoản 4); we do not invent a proportional rule the circular does not contain.
 */
export function learningResultByThresholds(subjects: readonly SubjectResult[]): Level4 {
  validate(subjects);
  return levelByThresholds(subjects, -1);
}

/**
 * Điều 9 khoản 2 on validated results, with the subject at `atBest` (if any) counted at its best result (10,0 or
 * Đạt) — the question khoản 3 asks of each subject. One pass of counts, no copies: the year close asks it for
 * every subject of every student of a province.
 */
function levelByThresholds(subjects: readonly SubjectResult[], atBest: number): Level4 {
  let commentFails = 0;
  let lowest = Number.POSITIVE_INFINITY;
  let atExcellentSix = 0;
  let atGoodSix = 0;
  let atPassSix = 0;
  for (let index = 0; index < subjects.length; index += 1) {
    const subject = subjects[index] as SubjectResult;
    if (subject.kind === 'comment') {
      if (index !== atBest && subject.result === 'fail') commentFails += 1;
      continue;
    }
    const average = index === atBest ? 10 : subject.average;
    if (average < lowest) lowest = average;
    if (average >= THRESHOLD.excellentSix) atExcellentSix += 1;
    if (average >= THRESHOLD.goodSix) atGoodSix += 1;
    if (average >= THRESHOLD.passSix) atPassSix += 1;
  }
  // Điều 9 khoản 2 điểm a: all comment subjects Đạt; all scored ≥ 6,5 and at least 6 of them ≥ 8,0.
  if (commentFails === 0 && lowest >= THRESHOLD.excellentFloor && atExcellentSix >= MIN_SUBJECTS_AT_THRESHOLD)
    return 'excellent';
  // Điểm b: all comment subjects Đạt; all scored ≥ 5,0 and at least 6 of them ≥ 6,5.
  if (commentFails === 0 && lowest >= THRESHOLD.goodFloor && atGoodSix >= MIN_SUBJECTS_AT_THRESHOLD)
    return 'good';
  // Điểm c: at most one comment subject Chưa đạt; at least 6 scored ≥ 5,0; no scored subject below 3,5.
  if (commentFails <= 1 && atPassSix >= MIN_SUBJECTS_AT_THRESHOLD && lowest >= THRESHOLD.passFloor)
    return 'pass';
  // Điểm d: every other case.
  return 'fail';
}

export interface LearningResultDetail {
  /** The level after Điều 9 khoản 3. */
  level: Level4;
  /** The level by the thresholds of khoản 2. */
  byThresholds: Level4;
  /** When khoản 3 raised the level: the one subject whose result alone held the student down. */
  adjustedFor?: { subject: string; wouldBe: Level4 };
}

/**
 * TT22 Điều 9 khoản 2 and 3, with the reason for any adjustment.
 *
 * Khoản 3: "Nếu mức đánh giá kết quả học tập của học kì, cả năm học bị thấp xuống từ 02 (hai) mức trở lên so với
 * mức đánh giá quy định tại điểm a, điểm b khoản 2 Điều này chỉ do kết quả đánh giá của duy nhất 01 (một) môn học
 * thì mức đánh giá kết quả học tập của học kì đó, cả năm học đó được điều chỉnh lên mức liền kề."
 *
 * How we read it:
 * - "do kết quả đánh giá của duy nhất 01 môn học" — the cause is one subject's RESULT. So we ask, for each subject
 *   in turn: if only this subject's result were different (the best it can be: 10,0 or Đạt), everything else as
 *   it is, would the student reach Tốt or Khá (the levels of điểm a, b)? If yes, and the actual level is at least
 *   two levels lower than that, the one subject alone held the student down. The subject's result also counts
 *   towards "ít nhất 06 môn": five subjects at 8,5, one at 7,0 and one at 4,0 is Đạt by the thresholds, and with
 *   the 4,0 at 8,0 or more it would be Tốt — only that one result stands between the student and Tốt → Khá.
 * - We do not REMOVE the subject and re-grade the rest: the thresholds count "ít nhất 06 môn", so removing a
 *   subject from a timetable of exactly 6 scored subjects could never reach Tốt or Khá and would deny the
 *   adjustment to the student it was written for (five subjects at 9,0 and one at 3,0 → Chưa đạt → Đạt).
 * - "mức liền kề" is the level adjacent to, i.e. one above, the level by the thresholds — not the level the student
 *   "would have had": Đạt → Khá, Chưa đạt → Đạt, even when the student fell three levels from Tốt.
 * - "duy nhất 01 môn": when the drop is two levels or more, at most one subject can be the cause (if two different
 *   subjects could each lift the student alone, each would already meet the other's floor and the drop would be
 *   one level), so "the first subject found" is "the only one".
 * - The adjustment happens once; its result is not adjusted again.
 */
export function learningResultDetailed(subjects: readonly SubjectResult[]): LearningResultDetail {
  const byThresholds = learningResultByThresholds(subjects);
  const rank = levelRank(byThresholds);
  // Two levels up from Khá or Tốt is beyond Tốt: only Đạt and Chưa đạt can be adjusted.
  if (rank >= levelRank('good')) return { level: byThresholds, byThresholds };
  for (let index = 0; index < subjects.length; index += 1) {
    const subject = subjects[index] as SubjectResult;
    const wouldBe = levelByThresholds(subjects, index);
    const wouldBeTopTwo = wouldBe === 'excellent' || wouldBe === 'good';
    if (wouldBeTopTwo && levelRank(wouldBe) - rank >= 2) {
      const level = LEVEL4_ASCENDING[rank + 1] ?? byThresholds;
      return { level, byThresholds, adjustedFor: { subject: subject.subject, wouldBe } };
    }
  }
  return { level: byThresholds, byThresholds };
}

/** Kết quả học tập of a term or the year: TT22 Điều 9 khoản 2 with the one-subject adjustment of khoản 3. */
export function learningResult(subjects: SubjectResult[]): Level4 {
  return learningResultDetailed(subjects).level;
}
