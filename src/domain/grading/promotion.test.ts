import { describe, expect, it } from 'vitest';
import { GradingInputError } from './errors.ts';
import { learningResult } from './learning-result.ts';
import {
  applyRetestResults,
  promotion,
  retestOutcome,
  subjectsToRetest,
  summerConductOutcome,
} from './promotion.ts';
import type { SubjectResult } from './types.ts';

const score = (subject: string, average: number): SubjectResult => ({ subject, kind: 'score', average });
const comment = (subject: string, result: 'pass' | 'fail'): SubjectResult => ({
  subject,
  kind: 'comment',
  result,
});

/** A lower-secondary year: 8 scored subjects, 4 comment subjects; Toán and KHTN given, the rest 6,0 / Đạt. */
function year(toan: number, khtn: number, amNhac: 'pass' | 'fail' = 'pass'): SubjectResult[] {
  return [
    score('Toán', toan),
    score('Khoa học tự nhiên', khtn),
    ...['Ngữ văn', 'Tiếng Anh', 'Lịch sử và Địa lí', 'GDCD', 'Công nghệ', 'Tin học'].map((s) =>
      score(s, 6.0),
    ),
    comment('Âm nhạc', amNhac),
    comment('Giáo dục thể chất', 'pass'),
    comment('HĐTN, HN', 'pass'),
    comment('ND GD địa phương', 'pass'),
  ];
}

describe('xét lên lớp cuối năm (TT22 Điều 12)', () => {
  it('Lên lớp khi rèn luyện và học tập từ Đạt trở lên và nghỉ không quá 45 buổi', () => {
    expect(promotion({ learning: 'pass', conduct: 'pass', absentSessions: 0 })).toBe('promoted');
    expect(promotion({ learning: 'excellent', conduct: 'good', absentSessions: 45 })).toBe('promoted');
  });

  it('nghỉ 46 buổi thì Ở lại lớp, dù kết quả Tốt', () => {
    expect(promotion({ learning: 'excellent', conduct: 'excellent', absentSessions: 46 })).toBe('retained');
  });

  it('nghỉ quá 45 buổi thì Ở lại lớp, không xét rèn luyện hè hay kiểm tra lại', () => {
    expect(promotion({ learning: 'pass', conduct: 'fail', absentSessions: 46 })).toBe('retained');
    expect(promotion({ learning: 'fail', conduct: 'pass', absentSessions: 60 })).toBe('retained');
  });

  it('rèn luyện Chưa đạt, học tập từ Đạt trở lên → Rèn luyện trong hè (Điều 13)', () => {
    expect(promotion({ learning: 'good', conduct: 'fail', absentSessions: 3 })).toBe('summer_conduct');
  });

  it('học tập Chưa đạt, rèn luyện từ Đạt trở lên → Kiểm tra lại (Điều 14)', () => {
    expect(promotion({ learning: 'fail', conduct: 'pass', absentSessions: 3 })).toBe('retest');
  });

  it('cả rèn luyện và học tập Chưa đạt → Rèn luyện trong hè trước (Điều 13), kiểm tra lại sau (Điều 14, trả lời của Bộ)', () => {
    expect(promotion({ learning: 'fail', conduct: 'fail', absentSessions: 0 })).toBe('summer_conduct');
  });

  it('mức kết quả không hợp lệ bị từ chối thay vì bị coi là Chưa đạt', () => {
    expect(() => promotion({ learning: 'Khá' as 'good', conduct: 'pass', absentSessions: 0 })).toThrow(
      'Kết quả học tập cả năm',
    );
  });

  it('số buổi nghỉ phải là số nguyên không âm', () => {
    expect(() => promotion({ learning: 'pass', conduct: 'pass', absentSessions: -1 })).toThrow(
      GradingInputError,
    );
    expect(() => promotion({ learning: 'pass', conduct: 'pass', absentSessions: 2.5 })).toThrow('buổi nghỉ');
  });
});

describe('các môn phải kiểm tra lại (Điều 14)', () => {
  it('mọi môn có ĐTBmcn dưới 5,0 và mọi môn nhận xét Chưa đạt; môn 5,0 thì không', () => {
    expect(subjectsToRetest(year(4.9, 5.0, 'fail'))).toEqual(['Toán', 'Âm nhạc']);
  });

  it('không có môn nào dưới 5,0 hay Chưa đạt thì danh sách rỗng', () => {
    expect(subjectsToRetest(year(5.0, 5.0))).toEqual([]);
  });
});

describe('thay kết quả kiểm tra lại vào kết quả cả năm', () => {
  it('kết quả kiểm tra lại thay kết quả cả năm của đúng môn đó', () => {
    const after = applyRetestResults(year(3.2, 4.5), [score('Toán', 5.5), score('Khoa học tự nhiên', 6.0)]);
    expect(after.find((s) => s.subject === 'Toán')).toEqual(score('Toán', 5.5));
    expect(after.find((s) => s.subject === 'Khoa học tự nhiên')).toEqual(score('Khoa học tự nhiên', 6.0));
    expect(after).toHaveLength(12);
  });

  it('môn không thuộc diện kiểm tra lại bị từ chối', () => {
    expect(() => applyRetestResults(year(3.2, 6.0), [score('Ngữ văn', 9.0)])).toThrow(
      'không thuộc diện kiểm tra lại',
    );
  });

  it('kết quả kiểm tra lại phải cùng hình thức đánh giá với môn học', () => {
    expect(() => applyRetestResults(year(6, 6, 'fail'), [score('Âm nhạc', 7)])).toThrow(GradingInputError);
  });
});

describe('sau kiểm tra lại trong hè (Điều 14, Điều 12 khoản 1)', () => {
  it('KHTN 4,5 và Tiếng Anh 3,2: kiểm tra lại cả hai môn; đạt 5,0 và 5,5 → học tập Đạt → Lên lớp', () => {
    const yearResults = year(6.0, 4.5).map((s) => (s.subject === 'Tiếng Anh' ? score('Tiếng Anh', 3.2) : s));
    expect(subjectsToRetest(yearResults)).toEqual(['Khoa học tự nhiên', 'Tiếng Anh']);
    const after = applyRetestResults(yearResults, [score('Khoa học tự nhiên', 5.0), score('Tiếng Anh', 5.5)]);
    expect(retestOutcome({ subjects: after, conduct: 'pass', absentSessions: 10 })).toEqual({
      learning: 'pass',
      promotion: 'promoted',
    });
  });

  it('kiểm tra lại vẫn có môn dưới 3,5 → học tập Chưa đạt → Ở lại lớp', () => {
    const after = applyRetestResults(year(3.0, 4.0), [score('Toán', 3.2), score('Khoa học tự nhiên', 5.5)]);
    expect(retestOutcome({ subjects: after, conduct: 'good', absentSessions: 0 })).toEqual({
      learning: 'fail',
      promotion: 'retained',
    });
  });

  it('kết quả học tập tính lại có áp dụng điều chỉnh của Điều 9 khoản 3', () => {
    // Before: seven subjects at 8,5, Toán 3,0 and Ngữ văn 4,0 → Chưa đạt (two subjects at fault, no adjustment).
    const before = [
      ...Array.from({ length: 7 }, (_, i) => score(`M${i + 1}`, 8.5)),
      score('Toán', 3.0),
      score('Ngữ văn', 4.0),
      comment('Âm nhạc', 'pass'),
    ];
    expect(promotion({ learning: learningResult(before), conduct: 'good', absentSessions: 0 })).toBe(
      'retest',
    );
    // After: Toán 8,0, Ngữ văn 4,2 → Đạt by thresholds, two levels below Tốt only because of Ngữ văn → Khá.
    const after = applyRetestResults(before, [score('Toán', 8.0), score('Ngữ văn', 4.2)]);
    expect(retestOutcome({ subjects: after, conduct: 'good', absentSessions: 0 })).toEqual({
      learning: 'good',
      promotion: 'promoted',
    });
  });

  it('học sinh rèn luyện cả năm Chưa đạt không thuộc diện kiểm tra lại', () => {
    expect(() => retestOutcome({ subjects: year(6, 6), conduct: 'fail', absentSessions: 0 })).toThrow(
      GradingInputError,
    );
  });
});

describe('sau rèn luyện trong hè (Điều 13 khoản 3): kết quả đánh giá lại thay kết quả rèn luyện cả năm', () => {
  it('đánh giá lại Đạt → Lên lớp', () => {
    expect(summerConductOutcome({ learning: 'good', conductAfterSummer: 'pass', absentSessions: 5 })).toBe(
      'promoted',
    );
  });

  it('không hoàn thành nhiệm vụ, rèn luyện vẫn Chưa đạt → Ở lại lớp', () => {
    expect(summerConductOutcome({ learning: 'good', conductAfterSummer: 'fail', absentSessions: 5 })).toBe(
      'retained',
    );
  });

  it('nghỉ 46 buổi thì Ở lại lớp dù đánh giá lại Đạt', () => {
    expect(summerConductOutcome({ learning: 'good', conductAfterSummer: 'pass', absentSessions: 46 })).toBe(
      'retained',
    );
  });
});
