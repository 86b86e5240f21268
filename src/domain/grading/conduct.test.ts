import { describe, expect, it } from 'vitest';
import { yearConduct } from './conduct.ts';
import { GradingInputError } from './errors.ts';
import { LEVEL4_LABEL_VI } from './labels.ts';
import type { Level4 } from './types.ts';

/** Every row of TT22 Điều 8 khoản 2 điểm b: [học kì I, học kì II, cả năm]. */
const TABLE: [Level4, Level4, Level4][] = [
  // học kì II Tốt
  ['excellent', 'excellent', 'excellent'],
  ['good', 'excellent', 'excellent'],
  ['pass', 'excellent', 'good'],
  ['fail', 'excellent', 'good'],
  // học kì II Khá
  ['excellent', 'good', 'good'],
  ['good', 'good', 'good'],
  ['pass', 'good', 'good'],
  ['fail', 'good', 'pass'],
  // học kì II Đạt
  ['excellent', 'pass', 'good'],
  ['good', 'pass', 'pass'],
  ['pass', 'pass', 'pass'],
  ['fail', 'pass', 'pass'],
  // học kì II Chưa đạt
  ['excellent', 'fail', 'fail'],
  ['good', 'fail', 'fail'],
  ['pass', 'fail', 'fail'],
  ['fail', 'fail', 'fail'],
];

describe('kết quả rèn luyện cả năm từ hai học kì (TT22 Điều 8 khoản 2 điểm b)', () => {
  it.each(
    TABLE.map(([term1, term2, year]) => [
      LEVEL4_LABEL_VI[term1],
      LEVEL4_LABEL_VI[term2],
      LEVEL4_LABEL_VI[year],
      term1,
      term2,
      year,
    ]),
  )('học kì I %s, học kì II %s → cả năm %s', (_l1, _l2, _ly, term1, term2, year) => {
    expect(yearConduct(term1 as Level4, term2 as Level4)).toBe(year);
  });

  it('bảng có đủ 16 trường hợp', () => {
    expect(new Set(TABLE.map(([term1, term2]) => `${term1}/${term2}`)).size).toBe(16);
  });

  it('mức không hợp lệ bị từ chối', () => {
    expect(() => yearConduct('great' as Level4, 'good')).toThrow(GradingInputError);
    expect(() => yearConduct('good', 'great' as Level4)).toThrow('học kì II');
  });
});
