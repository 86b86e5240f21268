// Every outcome a school year can end with, as the results tables store it, for the transcript decision-line test
// (src/features/transcripts/decision-line.test.ts). The expectations are written out here in the form's words, not
// computed by the rules under test.

type Level4 = 'excellent' | 'good' | 'pass' | 'fail';

/** What the year close and the summer stored for one secondary student (TT22 Điều 12–14). */
export interface SecondaryOutcomeFixture {
  key: string;
  /** Year learning and conduct (term 0), and the two terms. */
  learning: Level4;
  conduct: Level4;
  absentSessions: number;
  promotion: 'promoted' | 'retest' | 'summer_conduct' | 'retained' | 'principal_decision';
  finalPromotion: 'promoted' | 'retained' | null;
  summerConduct: Level4 | null;
  learningAfterRetest: Level4 | null;
  /** Toán: ĐTBmcn and the re-test score; Giáo dục thể chất: Đ / CĐ and its re-assessment. */
  mathYear: number;
  mathRetest: number | null;
  peYear: 'pass' | 'fail';
  peRetest: 'pass' | 'fail' | null;
  /** Which line of the form is marked: the decision as the form reads it, or none while the summer is pending. */
  expected: 'promoted' | 'promoted_after_summer' | 'retained' | null;
}

export const SECONDARY_OUTCOMES: readonly SecondaryOutcomeFixture[] = [
  {
    // Tốt/Tốt: the student of the bug report, promoted outright (the close also sets finalPromotion).
    key: 'promoted',
    learning: 'excellent',
    conduct: 'excellent',
    absentSessions: 2,
    promotion: 'promoted',
    finalPromotion: 'promoted',
    summerConduct: null,
    learningAfterRetest: null,
    mathYear: 8.6,
    mathRetest: null,
    peYear: 'pass',
    peRetest: null,
    expected: 'promoted',
  },
  {
    key: 'promoted-after-retest',
    learning: 'fail',
    conduct: 'good',
    absentSessions: 5,
    promotion: 'retest',
    finalPromotion: 'promoted',
    summerConduct: null,
    learningAfterRetest: 'pass',
    mathYear: 3.2,
    mathRetest: 5,
    peYear: 'fail',
    peRetest: 'pass',
    expected: 'promoted_after_summer',
  },
  {
    key: 'promoted-after-summer-conduct',
    learning: 'pass',
    conduct: 'fail',
    absentSessions: 10,
    promotion: 'summer_conduct',
    finalPromotion: 'promoted',
    summerConduct: 'pass',
    learningAfterRetest: null,
    mathYear: 6.8,
    mathRetest: null,
    peYear: 'pass',
    peRetest: null,
    expected: 'promoted_after_summer',
  },
  {
    // Conduct and learning Chưa đạt: summer training (Điều 13), then the re-test (Điều 14).
    key: 'promoted-after-training-and-retest',
    learning: 'fail',
    conduct: 'fail',
    absentSessions: 0,
    promotion: 'summer_conduct',
    finalPromotion: 'promoted',
    summerConduct: 'pass',
    learningAfterRetest: 'pass',
    mathYear: 4.5,
    mathRetest: 6.5,
    peYear: 'pass',
    peRetest: null,
    expected: 'promoted_after_summer',
  },
  {
    key: 'retained-absences',
    learning: 'good',
    conduct: 'good',
    absentSessions: 46,
    promotion: 'retained',
    finalPromotion: 'retained',
    summerConduct: null,
    learningAfterRetest: null,
    mathYear: 7,
    mathRetest: null,
    peYear: 'pass',
    peRetest: null,
    expected: 'retained',
  },
  {
    key: 'retained-after-retest',
    learning: 'fail',
    conduct: 'pass',
    absentSessions: 3,
    promotion: 'retest',
    finalPromotion: 'retained',
    summerConduct: null,
    learningAfterRetest: 'fail',
    mathYear: 2.9,
    mathRetest: 3,
    peYear: 'pass',
    peRetest: null,
    expected: 'retained',
  },
  {
    key: 'retained-after-summer-conduct',
    learning: 'fail',
    conduct: 'fail',
    absentSessions: 1,
    promotion: 'summer_conduct',
    finalPromotion: 'retained',
    summerConduct: 'fail',
    learningAfterRetest: null,
    mathYear: 4.1,
    mathRetest: null,
    peYear: 'pass',
    peRetest: null,
    expected: 'retained',
  },
  {
    key: 'summer-pending',
    learning: 'fail',
    conduct: 'pass',
    absentSessions: 0,
    promotion: 'retest',
    finalPromotion: null,
    summerConduct: null,
    learningAfterRetest: null,
    mathYear: 4.9,
    mathRetest: null,
    peYear: 'pass',
    peRetest: null,
    expected: null,
  },
  {
    // TT22 Điều 12 khoản 4: a student on an individual education plan whom the principal promoted; learning by the
    // thresholds was Chưa đạt, yet the line is the principal's, never "after summer".
    key: 'principal-promoted',
    learning: 'fail',
    conduct: 'good',
    absentSessions: 50,
    promotion: 'principal_decision',
    finalPromotion: 'promoted',
    summerConduct: null,
    learningAfterRetest: null,
    mathYear: 3.2,
    mathRetest: null,
    peYear: 'pass',
    peRetest: null,
    expected: 'promoted',
  },
  {
    key: 'principal-retained',
    learning: 'pass',
    conduct: 'good',
    absentSessions: 3,
    promotion: 'principal_decision',
    finalPromotion: 'retained',
    summerConduct: null,
    learningAfterRetest: null,
    mathYear: 5.4,
    mathRetest: null,
    peYear: 'pass',
    peRetest: null,
    expected: 'retained',
  },
];

/** Grades 6–8 and 10–11 are promoted; 9 and 12 complete the THCS / THPT programme (TT22 Điều 12). */
export const SECONDARY_GRADES = [6, 7, 8, 9, 10, 11, 12] as const;

/** The three lines of the form per kind of grade, in the form's words. */
export function expectedDecisionLines(
  grade: number,
): Record<'promoted' | 'promoted_after_summer' | 'retained', string> {
  if (grade === 9 || grade === 12) {
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

export const LEVEL_WORDS: Record<Level4, string> = {
  excellent: 'Tốt',
  good: 'Khá',
  pass: 'Đạt',
  fail: 'Chưa đạt',
};

/** The primary outcomes (TT27 Điều 9 khoản 2) and their words on the primary học bạ. */
export const PRIMARY_OUTCOMES = [
  { outcome: 'completed_excellently', words: 'Hoàn thành xuất sắc', completes: true },
  { outcome: 'completed_well', words: 'Hoàn thành tốt', completes: true },
  { outcome: 'completed', words: 'Hoàn thành', completes: true },
  { outcome: 'not_completed', words: 'Chưa hoàn thành', completes: false },
] as const;

export const PRIMARY_GRADES = [1, 2, 3, 4, 5] as const;
