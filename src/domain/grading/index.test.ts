import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Level4, PrimaryLevel, SubjectResult } from './index.ts';
import * as grading from './index.ts';

describe('giao diện công khai của module chấm điểm', () => {
  it('xuất đủ các hàm mà các tính năng và bộ kiểm tra bên ngoài gọi', () => {
    const publicApi: Record<string, unknown> = { ...grading };
    for (const name of [
      'regularAssessmentCount',
      'termAverage',
      'yearAverage',
      'commentSubjectTermResult',
      'learningResult',
      'yearConduct',
      'promotion',
      'award',
      'primaryYearOutcome',
      'parseScore',
      'requiredRegularAssessments',
      'commentSubjectYearResult',
      'retestOutcome',
      'subjectsToRetest',
      'summerConductOutcome',
    ] as const) {
      expect(typeof publicApi[name]).toBe('function');
    }
    expect(grading.GradingInputError.prototype).toBeInstanceOf(Error);
  });

  it('các kiểu có đúng hình dạng đã thống nhất', () => {
    expectTypeOf<Level4>().toEqualTypeOf<'excellent' | 'good' | 'pass' | 'fail'>();
    expectTypeOf<PrimaryLevel>().toEqualTypeOf<'completed_well' | 'completed' | 'not_completed'>();
    expectTypeOf<SubjectResult>().toEqualTypeOf<
      | { subject: string; kind: 'score'; average: number }
      | { subject: string; kind: 'comment'; result: 'pass' | 'fail' }
    >();
    expectTypeOf(grading.promotion).returns.toEqualTypeOf<
      'promoted' | 'retest' | 'summer_conduct' | 'retained' | 'principal_decision'
    >();
    expectTypeOf(grading.award).returns.toEqualTypeOf<'outstanding' | 'excellent' | null>();
    expectTypeOf(grading.primaryYearOutcome).returns.toEqualTypeOf<
      'completed_excellently' | 'completed_well' | 'completed' | 'not_completed'
    >();
  });

  it('một năm học từ đầu đến cuối: điểm → ĐTBmhk → ĐTBmcn → kết quả học tập → lên lớp', () => {
    const term1 = grading.termAverage({ regular: [8, 7, 9], midterm: 7.5, final: 6.5 }); // 7,3
    const term2 = grading.termAverage({ regular: [9, 8, 9], midterm: 8.5, final: 8.0 }); // 67 / 8 = 8,375 → 8,4
    const math = grading.yearAverage(term1, term2); // (7,3 + 16,8) / 3 = 8,03 → 8,0
    expect([term1, term2, math]).toEqual([7.3, 8.4, 8.0]);
    const subjects: grading.SubjectResult[] = [
      { subject: 'Toán', kind: 'score', average: math },
      ...['Ngữ văn', 'Tiếng Anh', 'KHTN', 'Lịch sử và Địa lí', 'Tin học'].map(
        (subject): grading.SubjectResult => ({ subject, kind: 'score', average: 8.0 }),
      ),
      { subject: 'GDCD', kind: 'score', average: 7.0 },
      { subject: 'Công nghệ', kind: 'score', average: 6.5 },
      { subject: 'Âm nhạc', kind: 'comment', result: 'pass' },
    ];
    const learning = grading.learningResult(subjects);
    expect(learning).toBe('excellent');
    const conduct = grading.yearConduct('good', 'excellent');
    expect(grading.promotion({ learning, conduct, absentSessions: 4 })).toBe('promoted');
    expect(grading.award({ learning, conduct, yearAverages: [math, 8, 8, 8, 8, 8, 7, 6.5] })).toBe(
      'excellent',
    );
  });
});
