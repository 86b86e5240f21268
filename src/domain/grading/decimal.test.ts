import { describe, expect, it } from 'vitest';
import {
  fromTenths,
  hasAtMostOneDecimal,
  roundDecimalStringToTenths,
  roundRatioToTenths,
  toTenths,
} from './decimal.ts';

describe('làm tròn đến một chữ số thập phân, nửa lên, tính bằng số thập phân (TT22 Điều 9 khoản 1 điểm b)', () => {
  it.each([
    ['6.25', 6.3],
    ['7.25', 7.3],
    ['7.35', 7.4],
    ['6.45', 6.5],
    ['7.95', 8.0],
    ['4.95', 5.0],
    ['3.45', 3.5],
    ['8.95', 9.0],
    ['1.05', 1.1],
    ['6.249', 6.2],
    ['6,25', 6.3],
    ['10', 10],
    ['0', 0],
  ])('%s → %s', (text, expected) => {
    expect(roundDecimalStringToTenths(text)).toBe(expected);
  });

  it('không đọc được chuỗi không phải số thập phân không âm', () => {
    expect(roundDecimalStringToTenths('-1.25')).toBeNull();
    expect(roundDecimalStringToTenths('abc')).toBeNull();
    expect(roundDecimalStringToTenths('')).toBeNull();
  });

  it('phân số chính xác theo phần mười: 62,5 phần mười → 63, 72,5 → 73, 73,5 → 74', () => {
    expect(roundRatioToTenths(625, 10)).toBe(63);
    expect(roundRatioToTenths(725, 10)).toBe(73);
    expect(roundRatioToTenths(735, 10)).toBe(74);
  });

  it('phần dư một phần ba làm tròn xuống, hai phần ba làm tròn lên', () => {
    expect(roundRatioToTenths(190, 3)).toBe(63); // 6,333… → 6,3
    expect(roundRatioToTenths(200, 3)).toBe(67); // 6,666… → 6,7
  });

  it('từ chối tử số âm, không nguyên hoặc mẫu số không dương', () => {
    expect(() => roundRatioToTenths(-1, 3)).toThrow(RangeError);
    expect(() => roundRatioToTenths(1.5, 3)).toThrow(RangeError);
    expect(() => roundRatioToTenths(10, 0)).toThrow(RangeError);
  });

  it('đổi qua lại giữa điểm và phần mười không sai lệch', () => {
    expect(toTenths(7.3)).toBe(73);
    expect(toTenths(0.1)).toBe(1);
    expect(fromTenths(73)).toBe(7.3);
    expect(fromTenths(100)).toBe(10);
  });

  it('nhận biết điểm có tối đa một chữ số thập phân', () => {
    expect(hasAtMostOneDecimal(7)).toBe(true);
    expect(hasAtMostOneDecimal(7.3)).toBe(true);
    expect(hasAtMostOneDecimal(7.55)).toBe(false);
    expect(hasAtMostOneDecimal(Number.NaN)).toBe(false);
    expect(hasAtMostOneDecimal(Number.POSITIVE_INFINITY)).toBe(false);
  });
});
