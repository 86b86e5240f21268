import { describe, expect, it } from 'vitest';
import { award } from './awards.ts';
import { GradingInputError } from './errors.ts';

const six = (value: number) => Array.from({ length: 6 }, () => value);

describe('khen thưởng cuối năm (TT22 Điều 15 khoản 1)', () => {
  it('Học sinh Xuất sắc: rèn luyện Tốt, học tập Tốt và 6 môn ĐTBmcn ≥ 9,0', () => {
    expect(
      award({ learning: 'excellent', conduct: 'excellent', yearAverages: [...six(9.0), 8.0, 7.0] }),
    ).toBe('outstanding');
  });

  it('chỉ 5 môn ≥ 9,0 (môn thứ sáu 8,9) thì Học sinh Giỏi', () => {
    expect(
      award({ learning: 'excellent', conduct: 'excellent', yearAverages: [9, 9, 9, 9, 9, 8.9, 8.0, 7.0] }),
    ).toBe('excellent');
  });

  it('Học sinh Giỏi: rèn luyện Tốt và học tập Tốt', () => {
    expect(award({ learning: 'excellent', conduct: 'excellent', yearAverages: six(8.0) })).toBe('excellent');
  });

  it('học tập Khá hoặc rèn luyện Khá thì không có danh hiệu, dù nhiều môn ≥ 9,0', () => {
    expect(award({ learning: 'good', conduct: 'excellent', yearAverages: six(9.5) })).toBeNull();
    expect(award({ learning: 'excellent', conduct: 'good', yearAverages: six(9.5) })).toBeNull();
  });

  it('ĐTBmcn không hợp lệ bị từ chối', () => {
    expect(() => award({ learning: 'excellent', conduct: 'excellent', yearAverages: [9.25] })).toThrow(
      GradingInputError,
    );
  });
});
