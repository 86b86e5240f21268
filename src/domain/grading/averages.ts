import { MAX_REGULAR_ASSESSMENTS, MAX_REGULAR_ASSESSMENTS_WITH_TOPICS } from './assessments.ts';
import { fromTenths, roundRatioToTenths, toTenths } from './decimal.ts';
import { GradingInputError } from './errors.ts';
import { assertScore, isScore } from './scores.ts';

/**
 * Subject averages of TT22 Điều 9 khoản 1 điểm b, exact in tenths and rounded once, half up, to one decimal
 * ("số nguyên hoặc số thập phân được lấy đến chữ số thập phân thứ nhất sau khi làm tròn số"). The circular does
 * not name the rounding method; half up is the Vietnamese convention and what our notes require (7.25 → 7.3).
 */

/**
 * ĐTBmhk = (TĐĐGtx + 2 × ĐĐGgk + 3 × ĐĐGck) / (số ĐĐGtx + 5). The regular scores are summed, not averaged first.
 *
 * Every assessment the formula names must exist: a student who missed one takes a make-up (kiểm tra, đánh giá bù)
 * or receives the result the circular prescribes for not taking it, and that score is what the caller passes. So
 * the average is computed on the scores given, and we refuse to compute it without any ĐĐGtx (the formula would
 * silently become (2·gk + 3·ck)/5, a different rule) or with more than 4 (TT22 Điều 6 khoản 2 b allows 2–4;
 * more means old TT58-style columns were mixed in) — 5 for a subject with chuyên đề học tập, whose topics add one
 * ĐĐGtx (`LEARNING_TOPIC_REGULAR_ASSESSMENTS`). Whether the count matches the subject's periods is checked by
 * the gradebook with `regularAssessmentCount`, which knows the subject.
 */
export function termAverage(s: {
  regular: number[];
  midterm: number;
  final: number;
  learningTopics?: boolean;
}): number {
  if (s.regular.length === 0) {
    throw new GradingInputError(
      'missing_assessment',
      'Chưa có điểm đánh giá thường xuyên (ĐĐGtx) nào; không tính được điểm trung bình môn học kì.',
      'regular',
    );
  }
  const max = s.learningTopics ? MAX_REGULAR_ASSESSMENTS_WITH_TOPICS : MAX_REGULAR_ASSESSMENTS;
  if (s.regular.length > max) {
    const topics = s.learningTopics ? ' (kể cả 01 ĐĐGtx của chuyên đề học tập)' : '';
    throw new GradingInputError(
      'too_many_assessments',
      `Có ${s.regular.length} điểm đánh giá thường xuyên; mỗi học kì chỉ có tối đa ${max} ĐĐGtx${topics}.`,
      'regular',
    );
  }
  s.regular.forEach((score, index) => {
    // Labels are built only for a bad score (the year close checks millions of good ones).
    if (!isScore(score))
      assertScore(score, `regular[${index}]`, `Điểm đánh giá thường xuyên thứ ${index + 1}`);
  });
  assertScore(s.midterm, 'midterm', 'Điểm đánh giá giữa kì');
  assertScore(s.final, 'final', 'Điểm đánh giá cuối kì');

  const regularSum = s.regular.reduce((sum, score) => sum + toTenths(score), 0);
  const numerator = regularSum + 2 * toTenths(s.midterm) + 3 * toTenths(s.final);
  return fromTenths(roundRatioToTenths(numerator, s.regular.length + 5));
}

/**
 * ĐTBmcn = (ĐTBmhkI + 2 × ĐTBmhkII) / 3, from the already rounded term averages. With both terms in tenths the
 * remainder is 0, 1/3 or 2/3 of a tenth, so the result is never exactly half-way.
 */
export function yearAverage(term1: number, term2: number): number {
  assertScore(term1, 'term1', 'Điểm trung bình môn học kì I');
  assertScore(term2, 'term2', 'Điểm trung bình môn học kì II');
  return fromTenths(roundRatioToTenths(toTenths(term1) + 2 * toTenths(term2), 3));
}
