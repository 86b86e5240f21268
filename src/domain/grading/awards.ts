import { MIN_SUBJECTS_AT_THRESHOLD } from './learning-result.ts';
import { assertScore, isScore } from './scores.ts';
import { type Award, assertLevel4, type Level4 } from './types.ts';

/** ĐTBmcn a scored subject needs to count towards Học sinh Xuất sắc (TT22 Điều 15 khoản 1 điểm a). */
export const OUTSTANDING_SUBJECT_AVERAGE = 9.0;

/**
 * Year-end titles, TT22 Điều 15 khoản 1:
 * - "Học sinh Xuất sắc": year conduct Tốt, year learning Tốt, and at least 06 scored subjects with ĐTBmcn ≥ 9,0.
 * - "Học sinh Giỏi": year conduct Tốt and year learning Tốt.
 * `yearAverages` are the ĐTBmcn of the scored subjects. Titles are awarded for the year only, not per term.
 * (Awards for an exceptional achievement, khoản 1 điểm b and khoản 2, are decided by people, not by a rule.)
 */
export function award(s: { learning: Level4; conduct: Level4; yearAverages: number[] }): Award | null {
  assertLevel4(s.learning, 'learning', 'Kết quả học tập cả năm');
  assertLevel4(s.conduct, 'conduct', 'Kết quả rèn luyện cả năm');
  s.yearAverages.forEach((average, index) => {
    if (!isScore(average)) {
      assertScore(average, `yearAverages[${index}]`, `Điểm trung bình môn cả năm thứ ${index + 1}`);
    }
  });
  if (s.learning !== 'excellent' || s.conduct !== 'excellent') return null;
  const atNine = s.yearAverages.filter((average) => average >= OUTSTANDING_SUBJECT_AVERAGE).length;
  return atNine >= MIN_SUBJECTS_AT_THRESHOLD ? 'outstanding' : 'excellent';
}
