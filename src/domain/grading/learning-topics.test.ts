import { describe, expect, it } from 'vitest';
import {
  MAX_REGULAR_ASSESSMENTS_WITH_TOPICS,
  regularAssessmentCount,
  requiredRegularAssessments,
} from './assessments.ts';
import { termAverage } from './averages.ts';

describe('chuyên đề học tập (THPT): one more ĐĐGtx per term (TT22 Điều 6 khoản 2 b counts periods without the topics)', () => {
  it('a subject of 70 periods has 3 ĐĐGtx, with learning topics 4; of 105 periods 4, with topics 5', () => {
    expect(regularAssessmentCount(70)).toBe(3);
    expect(regularAssessmentCount(70, { learningTopics: true })).toBe(4);
    expect(regularAssessmentCount(105)).toBe(4);
    expect(regularAssessmentCount(105, { learningTopics: true })).toBe(5);
    expect(MAX_REGULAR_ASSESSMENTS_WITH_TOPICS).toBe(5);
  });

  it('a comment-assessed subject keeps 2 whatever its topics (Điều 6 khoản 2 a)', () => {
    expect(requiredRegularAssessments({ periodsPerYear: 70, kind: 'comment', learningTopics: true })).toBe(2);
    expect(requiredRegularAssessments({ periodsPerYear: 105, kind: 'score', learningTopics: true })).toBe(5);
  });

  it('ĐTBmhk with five ĐĐGtx: (8+7+9+6+10 + 2·7 + 3·8) / (5+5) = 78/10 = 7,8', () => {
    expect(termAverage({ regular: [8, 7, 9, 6, 10], midterm: 7, final: 8, learningTopics: true })).toBe(7.8);
  });

  it('a fifth ĐĐGtx without learning topics is still refused (old TT58 columns mixed in)', () => {
    expect(() => termAverage({ regular: [8, 7, 9, 6, 10], midterm: 7, final: 8 })).toThrow(/tối đa 4 ĐĐGtx/);
    expect(() =>
      termAverage({ regular: [8, 7, 9, 6, 10, 5], midterm: 7, final: 8, learningTopics: true }),
    ).toThrow(/tối đa 5 ĐĐGtx \(kể cả 01 ĐĐGtx của chuyên đề học tập\)/);
  });
});
