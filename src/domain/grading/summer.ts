import { MAX_ABSENT_SESSIONS } from './promotion.ts';
import { assertLevel4, type Level4, levelAtLeast, type Promotion } from './types.ts';

/**
 * The summer after the year close (TT22 Điều 12–14) and the decision the transcript prints.
 *
 * Điều 13 khoản 1: "Học sinh có kết quả rèn luyện cả năm học được đánh giá mức Chưa đạt thì phải rèn luyện trong kì
 * nghỉ hè"; khoản 3: the principal re-assesses year conduct and "kết quả đánh giá lại được sử dụng thay thế cho kết
 * quả rèn luyện cả năm học để xét lên lớp theo quy định tại Điều 12".
 * Điều 14: a student "chưa đủ điều kiện được lên lớp nhưng có kết quả rèn luyện cả năm học được đánh giá từ mức Đạt
 * trở lên, kết quả học tập cả năm học được đánh giá mức Chưa đạt" re-takes every subject at Chưa đạt or under 5,0;
 * the re-assessed subject replaces its year result.
 *
 * Conduct Chưa đạt together with learning Chưa đạt: Điều 12 khoản 1 điểm a counts "kết quả rèn luyện cả năm học
 * (bao gồm cả kết quả đánh giá lại sau khi rèn luyện trong kì nghỉ hè theo quy định tại Điều 13)", so once the summer
 * training has raised year conduct to Đạt the student meets the condition of Điều 14 and is re-tested. This is the
 * Ministry's published answer to exactly this case (Bộ GD&ĐT trả lời ông Phan Ngọc Bách, Hải Phòng, reported by Lao
 * Động: "Bộ Giáo dục nêu trường hợp học sinh chưa đạt yêu cầu phải ở lại lớp", laodong.vn/giao-duc/…-1607256.ldo):
 * it reads Điều 14 together with Điều 13 khoản 1 and 3 — training first, then the re-test. A student whose conduct
 * is still Chưa đạt after the summer is not re-tested and is not promoted (Điều 12 khoản 3).
 */

/** The summer work of a student, in the order it is done: conduct training first (its result opens the re-test). */
export const SUMMER_STEPS = ['conduct_training', 'retest'] as const;
export type SummerStep = (typeof SUMMER_STEPS)[number];

export interface YearStanding {
  learning: Level4;
  conduct: Level4;
  absentSessions: number;
}

/**
 * What the student does in the summer, from the year results: nothing (promoted or retained at once), conduct
 * training (Điều 13), the re-test (Điều 14), or both — training, then the re-test if conduct reaches Đạt.
 * Absences over 45 sessions cannot be made up in the summer (Điều 12 khoản 1 điểm c): no summer work.
 */
export function summerSteps(s: YearStanding): SummerStep[] {
  assertLevel4(s.learning, 'learning', 'Kết quả học tập cả năm');
  assertLevel4(s.conduct, 'conduct', 'Kết quả rèn luyện cả năm');
  if (s.absentSessions > MAX_ABSENT_SESSIONS) return [];
  const steps: SummerStep[] = [];
  if (!levelAtLeast(s.conduct, 'pass')) steps.push('conduct_training');
  if (!levelAtLeast(s.learning, 'pass')) steps.push('retest');
  return steps;
}

/** The stored results after the summer: the re-assessed year conduct (Điều 13) and learning (Điều 14), if any. */
export interface AfterSummer {
  conductAfterSummer: Level4 | null;
  learningAfterRetest: Level4 | null;
}

/**
 * Whether the re-test is due now: it is one of the student's steps and, when conduct training comes first, the
 * re-assessed conduct is Đạt or better (Điều 14 requires year conduct from Đạt, Điều 12 khoản 1 điểm a counts the
 * re-assessment).
 */
export function retestDue(s: YearStanding, conductAfterSummer: Level4 | null): boolean {
  const steps = summerSteps(s);
  if (!steps.includes('retest')) return false;
  if (!steps.includes('conduct_training')) return true;
  return conductAfterSummer !== null && levelAtLeast(conductAfterSummer, 'pass');
}

/**
 * The final decision (Điều 12 khoản 1 and 3) from the year results and what the summer re-assessed; null while a
 * step the student owes has no result yet.
 */
export function decisionAfterSummer(s: YearStanding & AfterSummer): 'promoted' | 'retained' | null {
  const steps = summerSteps(s);
  let conduct = s.conduct;
  let learning = s.learning;
  if (steps.includes('conduct_training')) {
    if (s.conductAfterSummer === null) return null;
    conduct = s.conductAfterSummer;
    // Still Chưa đạt: not promoted, and no re-test (Điều 14 needs conduct from Đạt).
    if (!levelAtLeast(conduct, 'pass')) return 'retained';
  }
  if (steps.includes('retest')) {
    if (s.learningAfterRetest === null) return null;
    learning = s.learningAfterRetest;
  }
  const promoted =
    levelAtLeast(conduct, 'pass') &&
    levelAtLeast(learning, 'pass') &&
    s.absentSessions <= MAX_ABSENT_SESSIONS;
  return promoted ? 'promoted' : 'retained';
}

/**
 * The three decision lines of the học bạ (TT22 appendix: "Được lên lớp / Được lên lớp sau kiểm tra, đánh giá lại
 * hoặc rèn luyện hè / Không được lên lớp"), one of which is marked. In the last grade of a level the words are those
 * of Điều 12 khoản 1 and 3: "được công nhận hoàn thành chương trình trung học cơ sở / trung học phổ thông".
 */
export const TRANSCRIPT_DECISIONS = ['promoted', 'promoted_after_summer', 'retained'] as const;
export type TranscriptDecision = (typeof TRANSCRIPT_DECISIONS)[number];

/** The grade that ends a secondary level: 9 (THCS) and 12 (THPT). */
export function completesLevel(grade: number): boolean {
  return grade === 9 || grade === 12;
}

export function transcriptDecisionLabels(grade: number): Readonly<Record<TranscriptDecision, string>> {
  if (completesLevel(grade)) {
    const programme = grade === 9 ? 'trung học cơ sở' : 'trung học phổ thông';
    return {
      promoted: `Được công nhận hoàn thành chương trình ${programme}`,
      promoted_after_summer: `Được công nhận hoàn thành chương trình ${programme} sau kiểm tra, đánh giá lại hoặc rèn luyện hè`,
      retained: `Không được công nhận hoàn thành chương trình ${programme}`,
    };
  }
  return {
    promoted: 'Được lên lớp',
    promoted_after_summer: 'Được lên lớp sau kiểm tra, đánh giá lại hoặc rèn luyện hè',
    retained: 'Không được lên lớp',
  };
}

/**
 * Which line the transcript marks, from the stored results: the decision of the year close (`promotion`) and the
 * final decision (`finalPromotion`, which the close sets for every student — equal to `promotion` for a student
 * promoted or retained at once). "After summer" only when the student was actually sent to the summer (Điều 13 or
 * 14) and then promoted. Null while nothing is decided (not classified, or the summer still pending).
 */
export function transcriptDecision(s: {
  promotion: Promotion | null;
  finalPromotion: 'promoted' | 'retained' | null;
}): TranscriptDecision | null {
  switch (s.promotion) {
    case null:
      return null;
    case 'promoted':
      return 'promoted';
    case 'retained':
      return 'retained';
    case 'retest':
    case 'summer_conduct':
      if (s.finalPromotion === null) return null;
      return s.finalPromotion === 'promoted' ? 'promoted_after_summer' : 'retained';
    case 'principal_decision':
      // Điều 12 khoản 4: the principal's decision is the line, with its reason printed beside it; not a summer.
      return s.finalPromotion;
  }
}
