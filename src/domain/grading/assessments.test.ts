import { describe, expect, it } from 'vitest';
import {
  COMMENT_SUBJECT_ASSESSMENTS_PER_TERM,
  commentSubjectTermResult,
  commentSubjectYearResult,
  periodicTestMinutes,
  regularAssessmentCount,
  requiredRegularAssessments,
} from './assessments.ts';
import { GradingInputError } from './errors.ts';

describe('số ĐĐGtx mỗi học kì theo số tiết/năm học (TT22 Điều 6 khoản 2)', () => {
  it.each([
    [35, 2],
    [36, 3],
    [52, 3],
    [70, 3],
    [71, 4],
    [105, 4],
    [140, 4],
  ])('môn %s tiết/năm có %s ĐĐGtx', (periods, count) => {
    expect(regularAssessmentCount(periods)).toBe(count);
  });

  it('môn dưới 35 tiết/năm (không có trong chương trình 2018) được xếp cùng nhóm 35 tiết: 2 ĐĐGtx', () => {
    expect(regularAssessmentCount(30)).toBe(2);
  });

  it('môn đánh giá bằng nhận xét luôn có 2 lần đánh giá thường xuyên mỗi học kì', () => {
    expect(requiredRegularAssessments({ periodsPerYear: 70, kind: 'comment' })).toBe(2);
    expect(requiredRegularAssessments({ periodsPerYear: 105, kind: 'comment' })).toBe(2);
    expect(requiredRegularAssessments({ periodsPerYear: 70, kind: 'score' })).toBe(3);
  });

  it('số tiết không phải số nguyên dương bị từ chối', () => {
    expect(() => regularAssessmentCount(0)).toThrow(GradingInputError);
    expect(() => regularAssessmentCount(-35)).toThrow(GradingInputError);
    expect(() => regularAssessmentCount(35.5)).toThrow(GradingInputError);
    expect(() => requiredRegularAssessments({ periodsPerYear: 0, kind: 'comment' })).toThrow(
      GradingInputError,
    );
  });
});

describe('thời gian làm bài kiểm tra định kì (TT22 Điều 7 khoản 1)', () => {
  it('môn từ 70 tiết/năm trở xuống: 45 phút', () => {
    expect(periodicTestMinutes({ periodsPerYear: 70 })).toEqual({ min: 45, max: 45 });
  });

  it('môn trên 70 tiết/năm: 60 đến 90 phút', () => {
    expect(periodicTestMinutes({ periodsPerYear: 71 })).toEqual({ min: 60, max: 90 });
  });

  it('môn chuyên: tối đa 120 phút', () => {
    expect(periodicTestMinutes({ periodsPerYear: 140, specialised: true }).max).toBe(120);
  });
});

describe('kết quả học kì của môn đánh giá bằng nhận xét (TT22 Điều 9 khoản 1 điểm a)', () => {
  it('mỗi học kì cần 4 lần đánh giá: 2 thường xuyên, 1 giữa kì, 1 cuối kì', () => {
    expect(COMMENT_SUBJECT_ASSESSMENTS_PER_TERM).toBe(4);
  });

  it('Đạt khi có đủ số lần đánh giá và tất cả các lần đều Đạt', () => {
    expect(commentSubjectTermResult({ assessments: ['pass', 'pass', 'pass', 'pass'], required: 4 })).toBe(
      'pass',
    );
  });

  it('Chưa đạt khi thiếu một lần đánh giá, dù các lần đã có đều Đạt', () => {
    expect(commentSubjectTermResult({ assessments: ['pass', 'pass', 'pass'], required: 4 })).toBe('fail');
  });

  it('Chưa đạt khi có một lần Chưa đạt', () => {
    expect(commentSubjectTermResult({ assessments: ['pass', 'fail', 'pass', 'pass'], required: 4 })).toBe(
      'fail',
    );
  });

  it('số lần bắt buộc không hợp lệ bị từ chối', () => {
    expect(() => commentSubjectTermResult({ assessments: [], required: 0 })).toThrow(GradingInputError);
  });
});

describe('kết quả cả năm của môn đánh giá bằng nhận xét là kết quả học kì II', () => {
  it('học kì I Chưa đạt, học kì II Đạt → cả năm Đạt', () => {
    expect(commentSubjectYearResult({ term1: 'fail', term2: 'pass' })).toBe('pass');
  });

  it('học kì I Đạt, học kì II Chưa đạt → cả năm Chưa đạt', () => {
    expect(commentSubjectYearResult({ term1: 'pass', term2: 'fail' })).toBe('fail');
  });
});
