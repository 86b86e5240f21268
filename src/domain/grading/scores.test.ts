import { describe, expect, it } from 'vitest';
import { GradingInputError } from './errors.ts';
import {
  assertPrimaryTestScore,
  assertScore,
  formatAverage,
  formatScore,
  parseScore,
  parseScoreDetailed,
  scoreProblem,
} from './scores.ts';

describe('nhập điểm như giáo viên gõ (TT22 Điều 5 khoản 3 điểm b: số nguyên hoặc một chữ số thập phân)', () => {
  it.each([
    ['7,5', 7.5],
    ['7.5', 7.5],
    ['10', 10],
    ['10,0', 10],
    ['0', 0],
    ['0,5', 0.5],
    [' 8 ', 8],
    ['9,9', 9.9],
  ])('đọc "%s" là %s', (input, expected) => {
    expect(parseScore(input)).toBe(expected);
  });

  it.each([
    ['7.55', 'hơn một chữ số thập phân'],
    ['7,55', 'hơn một chữ số thập phân'],
    ['11', 'lớn hơn 10'],
    ['10,5', 'lớn hơn 10'],
    ['-1', 'không được âm'],
    ['abc', 'không phải là điểm'],
    ['7,', 'không phải là điểm'],
    [',5', 'không phải là điểm'],
    ['7 5', 'không phải là điểm'],
    ['', 'Chưa nhập điểm'],
  ])('từ chối "%s" và nói lí do bằng tiếng Việt', (input, reason) => {
    expect(parseScore(input)).toBeNull();
    const parsed = parseScoreDetailed(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});

describe('kiểm tra điểm đã nhận', () => {
  it('điểm hợp lệ từ 0 đến 10, tối đa một chữ số thập phân', () => {
    expect(scoreProblem(0)).toBeNull();
    expect(scoreProblem(10)).toBeNull();
    expect(scoreProblem(7.3)).toBeNull();
  });

  it('điểm ngoài khoảng hoặc nhiều chữ số thập phân bị từ chối, có nêu tên trường', () => {
    expect(scoreProblem(10.1, 'Điểm cuối kì')).toBe('Điểm cuối kì phải từ 0 đến 10 (đang là 10,1).');
    expect(scoreProblem(-0.5)).toContain('phải từ 0 đến 10');
    expect(scoreProblem(7.55)).toContain('tối đa một chữ số thập phân');
    expect(scoreProblem(Number.NaN)).toContain('không phải là một con số');
  });

  it('assertScore ném GradingInputError mã invalid_score kèm tên trường', () => {
    try {
      assertScore(11, 'final', 'Điểm cuối kì');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GradingInputError);
      const gradingError = error as GradingInputError;
      expect(gradingError.code).toBe('invalid_score');
      expect(gradingError.field).toBe('final');
      expect(gradingError.message).toContain('Điểm cuối kì');
    }
  });

  it('điểm kiểm tra định kì tiểu học là số nguyên 0–10, không cho điểm thập phân (TT27 Điều 7)', () => {
    expect(() => assertPrimaryTestScore(0, 't')).not.toThrow();
    expect(() => assertPrimaryTestScore(10, 't')).not.toThrow();
    expect(() => assertPrimaryTestScore(7.5, 't')).toThrow(GradingInputError);
    expect(() => assertPrimaryTestScore(11, 't')).toThrow(GradingInputError);
  });
});

describe('hiển thị điểm kiểu Việt Nam', () => {
  it('điểm thành phần ghi như đã nhập, dấu phẩy thập phân', () => {
    expect(formatScore(8)).toBe('8');
    expect(formatScore(7.5)).toBe('7,5');
  });

  it('điểm trung bình luôn có một chữ số thập phân', () => {
    expect(formatAverage(8)).toBe('8,0');
    expect(formatAverage(7.3)).toBe('7,3');
  });

  it('mọi số in trên học bạ và bảng kết quả có một chữ số thập phân, dấu phẩy: điểm kiểm tra lại 5 → "5,0"', () => {
    expect(formatAverage(5)).toBe('5,0');
    expect(formatAverage(6.8)).toBe('6,8');
    expect(formatAverage(10)).toBe('10,0');
    expect(formatAverage(0)).toBe('0,0');
    expect(formatAverage(3.5)).toBe('3,5');
  });
});
