import { describe, expect, it } from 'vitest';
import {
  AWARD_LABEL_VI,
  LEVEL4_LABEL_VI,
  PASS_FAIL_SHORT_VI,
  PRIMARY_AWARD_LABEL_VI,
  PRIMARY_OUTCOME_LABEL_VI,
  PRIMARY_TRAIT_LETTER,
  PROMOTION_LABEL_VI,
  parsePrimaryLevelLetter,
  primaryLevelLabel,
} from './labels.ts';

describe('nhãn tiếng Việt', () => {
  it('bốn mức Tốt / Khá / Đạt / Chưa đạt', () => {
    expect(LEVEL4_LABEL_VI).toEqual({ excellent: 'Tốt', good: 'Khá', pass: 'Đạt', fail: 'Chưa đạt' });
  });

  it('xét lên lớp', () => {
    expect(PROMOTION_LABEL_VI).toEqual({
      promoted: 'Lên lớp',
      retest: 'Kiểm tra lại',
      summer_conduct: 'Rèn luyện trong hè',
      retained: 'Ở lại lớp',
      principal_decision: 'Hiệu trưởng quyết định',
    });
  });

  it('danh hiệu Học sinh Xuất sắc và Học sinh Giỏi (TT22), Học sinh Tiêu biểu (TT27 Điều 13)', () => {
    expect(AWARD_LABEL_VI).toEqual({
      outstanding: 'Học sinh Xuất sắc',
      excellent: 'Học sinh Giỏi',
      exemplary: PRIMARY_AWARD_LABEL_VI.exemplary,
    });
  });

  it('Đ / CĐ trong học bạ trung học', () => {
    expect(PASS_FAIL_SHORT_VI).toEqual({ pass: 'Đ', fail: 'CĐ' });
  });

  it('kết quả giáo dục tiểu học', () => {
    expect(PRIMARY_OUTCOME_LABEL_VI.completed_excellently).toBe('Hoàn thành xuất sắc');
    expect(PRIMARY_OUTCOME_LABEL_VI.not_completed).toBe('Chưa hoàn thành');
  });

  it('chữ T / H / C của môn học tiểu học và T / Đ / C của phẩm chất, năng lực', () => {
    expect(primaryLevelLabel('completed_well')).toEqual({ letter: 'T', label: 'Hoàn thành tốt' });
    expect(primaryLevelLabel('completed')).toEqual({ letter: 'H', label: 'Hoàn thành' });
    expect(primaryLevelLabel('not_completed')).toEqual({ letter: 'C', label: 'Chưa hoàn thành' });
    expect(PRIMARY_TRAIT_LETTER).toEqual({ good: 'T', pass: 'Đ', needs_effort: 'C' });
  });

  it('đọc lại chữ trong học bạ', () => {
    expect(parsePrimaryLevelLetter(' t ')).toBe('completed_well');
    expect(parsePrimaryLevelLetter('H')).toBe('completed');
    expect(parsePrimaryLevelLetter('C')).toBe('not_completed');
    expect(parsePrimaryLevelLetter('X')).toBeNull();
  });
});
