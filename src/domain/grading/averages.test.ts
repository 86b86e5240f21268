import { describe, expect, it } from 'vitest';
import { termAverage, yearAverage } from './averages.ts';
import { GradingInputError } from './errors.ts';

describe('ĐTBmhk = (TĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (số ĐĐGtx + 5) (TT22 Điều 9 khoản 1 điểm b)', () => {
  it('ĐTBmhk của (8; 7; 9 | giữa kì 7,5 | cuối kì 6,5) là 7,3 (58,5 / 8 = 7,3125)', () => {
    expect(termAverage({ regular: [8, 7, 9], midterm: 7.5, final: 6.5 })).toBe(7.3);
  });

  it('điểm thường xuyên được cộng từng điểm, không lấy trung bình trước', () => {
    // Averaging first would give (8 + 2·5 + 3·5) / 6 = 5,5; the circular sums: (6 + 10 + 10 + 15) / 7 = 5,857…
    expect(termAverage({ regular: [6, 10], midterm: 5, final: 5 })).toBe(5.9);
  });

  it('đủ 2, 3, 4 ĐĐGtx đều tính được', () => {
    expect(termAverage({ regular: [8, 8], midterm: 8, final: 8 })).toBe(8);
    expect(termAverage({ regular: [10, 10, 10, 10], midterm: 10, final: 10 })).toBe(10);
    expect(termAverage({ regular: [0, 0, 0, 0], midterm: 0, final: 0 })).toBe(0);
  });

  it('6,25 làm tròn thành 6,3: (7; 6; 5 | 7 | 6) = 50 / 8', () => {
    expect(termAverage({ regular: [7, 6, 5], midterm: 7, final: 6 })).toBe(6.3);
  });

  it('6,25 làm tròn thành 6,3 cả khi số nhị phân cho 6,2499…: (9,4; 4,8; 4,1 | 3,7 | 8,1)', () => {
    expect(termAverage({ regular: [9.4, 4.8, 4.1], midterm: 3.7, final: 8.1 })).toBe(6.3);
  });

  it('7,25 làm tròn thành 7,3: (5,5; 8,4; 9,0 | 8,1 | 6,3)', () => {
    expect(termAverage({ regular: [5.5, 8.4, 9.0], midterm: 8.1, final: 6.3 })).toBe(7.3);
  });

  it('7,35 làm tròn thành 7,4: (6,9 | 8,7 | 6,6) = 44,1 / 6', () => {
    expect(termAverage({ regular: [6.9], midterm: 8.7, final: 6.6 })).toBe(7.4);
  });

  it('4,95 làm tròn thành 5,0 — qua ngưỡng 5,0: (3,5; 3,7; 3,2 | 9,2 | 3,6)', () => {
    expect(termAverage({ regular: [3.5, 3.7, 3.2], midterm: 9.2, final: 3.6 })).toBe(5);
  });

  it('chưa có ĐĐGtx nào thì không tính: phải kiểm tra bù trước', () => {
    expect(() => termAverage({ regular: [], midterm: 8, final: 8 })).toThrow(GradingInputError);
    try {
      termAverage({ regular: [], midterm: 8, final: 8 });
    } catch (error) {
      expect((error as GradingInputError).code).toBe('missing_assessment');
      expect((error as GradingInputError).message).toContain('đánh giá thường xuyên');
    }
  });

  it('quá 4 ĐĐGtx trong một học kì bị từ chối', () => {
    expect(() => termAverage({ regular: [8, 8, 8, 8, 8], midterm: 8, final: 8 })).toThrow(GradingInputError);
  });

  it('điểm ngoài 0–10 hoặc có hai chữ số thập phân bị từ chối, nêu đúng điểm sai', () => {
    expect(() => termAverage({ regular: [8, 11], midterm: 8, final: 8 })).toThrow('thường xuyên thứ 2');
    expect(() => termAverage({ regular: [8], midterm: 7.55, final: 8 })).toThrow('giữa kì');
    expect(() => termAverage({ regular: [8], midterm: 8, final: -1 })).toThrow('cuối kì');
  });
});

describe('ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII) / 3 (TT22 Điều 9 khoản 1 điểm b)', () => {
  it('học kì II tính hệ số 2: (6,0 + 2·7,0) / 3 = 6,67 → 6,7', () => {
    expect(yearAverage(6, 7)).toBe(6.7);
  });

  it('(7,0 + 2·6,0) / 3 = 6,33 → 6,3', () => {
    expect(yearAverage(7, 6)).toBe(6.3);
  });

  it('(6,4 + 2·6,5) / 3 = 6,47 → 6,5, đạt ngưỡng 6,5', () => {
    expect(yearAverage(6.4, 6.5)).toBe(6.5);
  });

  it('(4,9 + 2·5,0) / 3 = 4,97 → 5,0 nhưng (5,0 + 2·4,9) / 3 = 4,93 → 4,9', () => {
    expect(yearAverage(4.9, 5)).toBe(5);
    expect(yearAverage(5, 4.9)).toBe(4.9);
  });

  it('hai học kì bằng nhau cho đúng điểm đó', () => {
    expect(yearAverage(7.2, 7.2)).toBe(7.2);
    expect(yearAverage(10, 10)).toBe(10);
  });

  it('điểm học kì không hợp lệ bị từ chối', () => {
    expect(() => yearAverage(10.5, 8)).toThrow(GradingInputError);
    expect(() => yearAverage(8, 7.25)).toThrow(GradingInputError);
  });
});
