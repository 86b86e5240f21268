import { describe, expect, it } from 'vitest';
import { formatPoints, parseVietnameseDate } from './format.ts';

describe('định dạng kiểu Việt Nam', () => {
  it('ngày gõ theo ngày/tháng/năm được đọc đúng; ngày không có thật bị bỏ', () => {
    expect(parseVietnameseDate('30/4/2026')).toBe('2026-04-30');
    expect(parseVietnameseDate('01-05-2026')).toBe('2026-05-01');
    expect(parseVietnameseDate('31/02/2026')).toBeNull();
    expect(parseVietnameseDate('2026-04-30')).toBeNull();
  });

  it('điểm dùng dấu phẩy thập phân', () => {
    expect(formatPoints(85.5)).toBe('85,5');
    expect(formatPoints(null)).toBe('—');
  });
});
