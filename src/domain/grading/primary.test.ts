import { describe, expect, it } from 'vitest';
import { GradingInputError } from './errors.ts';
import { completesGrade, PRIMARY_TEST_SUBJECTS, primaryAward, primaryYearOutcome } from './primary.ts';
import type { PrimaryLevel, PrimaryTraitLevel } from './types.ts';

function pupil(
  over: Partial<{
    subjects: PrimaryLevel[];
    competencies: PrimaryTraitLevel[];
    qualities: PrimaryTraitLevel[];
    testScores: number[];
  }> = {},
) {
  return {
    subjects: Array.from({ length: 10 }, (): PrimaryLevel => 'completed_well'),
    competencies: Array.from({ length: 10 }, (): PrimaryTraitLevel => 'good'),
    qualities: Array.from({ length: 5 }, (): PrimaryTraitLevel => 'good'),
    testScores: [10, 10, 10],
    ...over,
  };
}

describe('kết quả giáo dục cuối năm tiểu học (TT27 Điều 9 khoản 2 điểm a)', () => {
  it('Hoàn thành xuất sắc: mọi môn Hoàn thành tốt, phẩm chất và năng lực Tốt, bài kiểm tra cuối năm ≥ 9', () => {
    expect(primaryYearOutcome(pupil({ testScores: [9, 10, 9] }))).toBe('completed_excellently');
  });

  it('một bài kiểm tra 8 (dưới 9) thì Hoàn thành tốt', () => {
    expect(primaryYearOutcome(pupil({ testScores: [9, 8] }))).toBe('completed_well');
  });

  it('Hoàn thành tốt: bài kiểm tra 7 vẫn đạt; bài 6 thì chỉ Hoàn thành', () => {
    expect(primaryYearOutcome(pupil({ testScores: [7, 10] }))).toBe('completed_well');
    expect(primaryYearOutcome(pupil({ testScores: [6, 10] }))).toBe('completed');
  });

  it('Hoàn thành: bài kiểm tra 5 vẫn đạt; bài 4 thì Chưa hoàn thành', () => {
    expect(primaryYearOutcome(pupil({ testScores: [5, 10] }))).toBe('completed');
    expect(primaryYearOutcome(pupil({ testScores: [4, 10] }))).toBe('not_completed');
  });

  it('một môn chỉ Hoàn thành (H) thì tối đa là Hoàn thành, dù điểm kiểm tra 10', () => {
    expect(primaryYearOutcome(pupil({ subjects: ['completed', 'completed_well'] }))).toBe('completed');
  });

  it('một năng lực hoặc phẩm chất chỉ Đạt thì tối đa là Hoàn thành', () => {
    expect(primaryYearOutcome(pupil({ competencies: ['good', 'pass'] }))).toBe('completed');
    expect(primaryYearOutcome(pupil({ qualities: ['pass', 'good'] }))).toBe('completed');
  });

  it('một môn Chưa hoàn thành (C) hoặc một phẩm chất Cần cố gắng thì Chưa hoàn thành', () => {
    expect(primaryYearOutcome(pupil({ subjects: ['not_completed', 'completed_well'] }))).toBe(
      'not_completed',
    );
    expect(primaryYearOutcome(pupil({ qualities: ['needs_effort', 'good'] }))).toBe('not_completed');
  });

  it('điểm 0 là điểm hợp lệ (TT27 không cấm điểm 0) và dưới 5', () => {
    expect(primaryYearOutcome(pupil({ testScores: [0] }))).toBe('not_completed');
  });

  it('không có bài kiểm tra cuối năm thì không bị giữ lại bởi điều kiện điểm', () => {
    expect(primaryYearOutcome(pupil({ testScores: [] }))).toBe('completed_excellently');
  });

  it('điểm thập phân hoặc ngoài 0–10 bị từ chối: không cho điểm thập phân (TT27 Điều 7)', () => {
    expect(() => primaryYearOutcome(pupil({ testScores: [8.5] }))).toThrow(GradingInputError);
    expect(() => primaryYearOutcome(pupil({ testScores: [11] }))).toThrow('không cho điểm thập phân');
  });

  it('danh sách môn, năng lực, phẩm chất rỗng bị từ chối thay vì mặc nhiên Hoàn thành xuất sắc', () => {
    expect(() => primaryYearOutcome(pupil({ subjects: [] }))).toThrow(GradingInputError);
    expect(() => primaryYearOutcome(pupil({ competencies: [] }))).toThrow('năng lực');
    expect(() => primaryYearOutcome(pupil({ qualities: [] }))).toThrow('phẩm chất');
  });

  it('mức đánh giá không hợp lệ bị từ chối', () => {
    expect(() => primaryYearOutcome(pupil({ subjects: ['excellent' as PrimaryLevel] }))).toThrow(
      GradingInputError,
    );
  });
});

describe('hoàn thành chương trình lớp học (TT27 Điều 11) và khen thưởng (Điều 13)', () => {
  it('ba mức Hoàn thành xuất sắc, Hoàn thành tốt, Hoàn thành đều hoàn thành chương trình lớp học', () => {
    expect(completesGrade('completed_excellently')).toBe(true);
    expect(completesGrade('completed_well')).toBe(true);
    expect(completesGrade('completed')).toBe(true);
    expect(completesGrade('not_completed')).toBe(false);
  });

  it('Học sinh Xuất sắc khi Hoàn thành xuất sắc', () => {
    expect(primaryAward({ outcome: 'completed_excellently', recognisedByClass: false })).toBe('outstanding');
  });

  it('Học sinh Tiêu biểu khi Hoàn thành tốt và được tập thể lớp công nhận thành tích', () => {
    expect(primaryAward({ outcome: 'completed_well', recognisedByClass: true })).toBe('exemplary');
    expect(primaryAward({ outcome: 'completed_well', recognisedByClass: false })).toBeNull();
    expect(primaryAward({ outcome: 'completed', recognisedByClass: true })).toBeNull();
  });

  it('bài kiểm tra định kì gồm Tiếng Việt, Toán, Ngoại ngữ 1, Lịch sử và Địa lí, Khoa học, Tin học và Công nghệ', () => {
    expect(PRIMARY_TEST_SUBJECTS).toContain('Khoa học');
    expect(PRIMARY_TEST_SUBJECTS).toHaveLength(6);
  });
});
