import { GradingInputError } from './errors.ts';
import { learningResult } from './learning-result.ts';
import { assertLevel4, type Level4, levelAtLeast, type Promotion, type SubjectResult } from './types.ts';

/**
 * Lên lớp, kiểm tra lại, rèn luyện trong hè, ở lại lớp — TT22 Điều 12, 13, 14.
 *
 * Điều 12 khoản 1: promoted (or the level completed) when, together, (a) year conduct — including the re-assessment
 * after summer training (Điều 13) — is Đạt or better, (b) year learning — including the re-tested subjects
 * (Điều 14) — is Đạt or better, and (c) "nghỉ học không quá 45 buổi trong một năm học" (one session per school day
 * of the education plan, excused or not, in one stretch or many). Khoản 3: anyone else is not promoted.
 * Students with a disability are promoted on the principal's decision (khoản 4); these rules do not decide for them.
 */

/** TT22 Điều 12 khoản 1 điểm c: 45 sessions absent is still allowed; 46 is not. */
export const MAX_ABSENT_SESSIONS = 45;

/** ĐTBmcn below this, or a comment subject at Chưa đạt, is re-tested in the summer (Điều 14). */
export const RETEST_BELOW = 5.0;

function assertAbsences(absentSessions: number): void {
  if (!Number.isInteger(absentSessions) || absentSessions < 0) {
    throw new GradingInputError(
      'invalid_count',
      `Số buổi nghỉ học phải là số nguyên không âm (đang là ${absentSessions}).`,
      'absentSessions',
    );
  }
}

/**
 * The decision at the end of the school year, before any summer work.
 *
 * - More than 45 sessions absent: retained, whatever the results — nothing in the summer can undo absences.
 * - Conduct Chưa đạt (whatever the learning result): summer conduct training (Điều 13). When learning is Chưa đạt
 *   too, the re-test follows once the training has raised year conduct to Đạt (Điều 12 khoản 1 điểm a counts the
 *   re-assessment; the Ministry's answer on this case — see summer.ts): `summerSteps`, `decisionAfterSummer`.
 * - Learning Chưa đạt, conduct Đạt or better: summer re-test (Điều 14), then `retestOutcome`.
 * - Otherwise promoted.
 */
export function promotion(s: { learning: Level4; conduct: Level4; absentSessions: number }): Promotion {
  assertLevel4(s.learning, 'learning', 'Kết quả học tập cả năm');
  assertLevel4(s.conduct, 'conduct', 'Kết quả rèn luyện cả năm');
  assertAbsences(s.absentSessions);
  if (s.absentSessions > MAX_ABSENT_SESSIONS) return 'retained';
  const learningOk = levelAtLeast(s.learning, 'pass');
  const conductOk = levelAtLeast(s.conduct, 'pass');
  if (!conductOk) return 'summer_conduct';
  if (!learningOk) return 'retest';
  return 'promoted';
}

/**
 * The subjects a student re-tests in the summer (TT22 Điều 14): every comment subject at Chưa đạt and every scored
 * subject with ĐTBmcn below 5,0 — all of them, not a selection chosen by the student as under the old TT58.
 * Takes the year results; returns subject names in the order given.
 */
export function subjectsToRetest(yearSubjects: readonly SubjectResult[]): string[] {
  return yearSubjects
    .filter((subject) =>
      subject.kind === 'score' ? subject.average < RETEST_BELOW : subject.result === 'fail',
    )
    .map((subject) => subject.subject);
}

/**
 * The year results with the re-test results in place: "Kết quả đánh giá lại của môn học nào được sử dụng thay thế
 * cho kết quả học tập cả năm học của môn học đó" (Điều 14). Refuses a re-test of a subject that was not due one, or
 * of the wrong kind, so a typo cannot quietly raise a subject that passed.
 */
export function applyRetestResults(
  yearSubjects: readonly SubjectResult[],
  retests: readonly SubjectResult[],
): SubjectResult[] {
  const due = new Set(subjectsToRetest(yearSubjects));
  const bySubject = new Map<string, SubjectResult>();
  retests.forEach((retest, index) => {
    const original = yearSubjects.find((subject) => subject.subject === retest.subject);
    if (!original || !due.has(retest.subject)) {
      throw new GradingInputError(
        'invalid_retest',
        `Môn ${retest.subject} không thuộc diện kiểm tra lại (chỉ môn có ĐTBmcn dưới 5,0 hoặc môn đánh giá bằng nhận xét ở mức Chưa đạt).`,
        `retests[${index}]`,
      );
    }
    if (original.kind !== retest.kind) {
      throw new GradingInputError(
        'invalid_retest',
        `Kết quả kiểm tra lại môn ${retest.subject} phải cùng hình thức đánh giá với môn học (${original.kind === 'score' ? 'điểm số' : 'nhận xét'}).`,
        `retests[${index}]`,
      );
    }
    bySubject.set(retest.subject, retest);
  });
  return yearSubjects.map((subject) => bySubject.get(subject.subject) ?? subject);
}

/**
 * After the summer re-test (Điều 14, Điều 12 khoản 1): the year learning result recomputed from the year results
 * with the re-tests in place (including the one-subject adjustment of Điều 9 khoản 3), and the final decision.
 * Only a student with year conduct Đạt or better may be re-tested, so conduct Chưa đạt is refused.
 */
export function retestOutcome(s: { subjects: SubjectResult[]; conduct: Level4; absentSessions: number }): {
  learning: Level4;
  promotion: 'promoted' | 'retained';
} {
  assertLevel4(s.conduct, 'conduct', 'Kết quả rèn luyện cả năm');
  assertAbsences(s.absentSessions);
  if (!levelAtLeast(s.conduct, 'pass')) {
    throw new GradingInputError(
      'invalid_retest',
      'Học sinh có kết quả rèn luyện cả năm Chưa đạt không thuộc diện kiểm tra lại trong hè (Điều 14 Thông tư 22).',
      'conduct',
    );
  }
  const learning = learningResult(s.subjects);
  const promoted = levelAtLeast(learning, 'pass') && s.absentSessions <= MAX_ABSENT_SESSIONS;
  return { learning, promotion: promoted ? 'promoted' : 'retained' };
}

/**
 * After summer conduct training (Điều 13 khoản 3), for a student whose learning was Đạt or better. A student whose
 * learning is Chưa đạt too is re-tested after a passed training (see summer.ts): this function answers "retained"
 * for them, as if no re-test followed — the features use `decisionAfterSummer`, which waits for the re-test.
 *
 * After summer conduct training (Điều 13 khoản 3): if the homeroom teacher judged the summer tasks completed, the
 * principal re-assesses year conduct and the new level replaces it; if not, the caller passes the old level,
 * Chưa đạt. Promoted when the new conduct is Đạt or better and the other conditions of Điều 12 khoản 1 still hold.
 */
export function summerConductOutcome(s: {
  learning: Level4;
  conductAfterSummer: Level4;
  absentSessions: number;
}): 'promoted' | 'retained' {
  assertLevel4(s.learning, 'learning', 'Kết quả học tập cả năm');
  assertLevel4(s.conductAfterSummer, 'conductAfterSummer', 'Kết quả rèn luyện sau rèn luyện hè');
  assertAbsences(s.absentSessions);
  const promoted =
    levelAtLeast(s.conductAfterSummer, 'pass') &&
    levelAtLeast(s.learning, 'pass') &&
    s.absentSessions <= MAX_ABSENT_SESSIONS;
  return promoted ? 'promoted' : 'retained';
}
