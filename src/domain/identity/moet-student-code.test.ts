import { describe, expect, it } from 'vitest';
import { checkMoetStudentCode, normaliseMoetStudentCode } from './moet-student-code.ts';

describe('mã định danh học sinh on the sector database (TT 42/2021/TT-BGDĐT Điều 10)', () => {
  it('only trims: case, leading zeros and separators are kept as issued', () => {
    expect(normaliseMoetStudentCode('  0100123456 ')).toBe('0100123456');
    expect(normaliseMoetStudentCode('ab-01.x')).toBe('ab-01.x');
    expect(normaliseMoetStudentCode('HS000042')).toBe('HS000042');
  });

  it.each(['0100123456', '79HS2021000123', 'a', '12345678901234567890'])('accepts %s', (code) => {
    const result = checkMoetStudentCode(code);
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.normalised).toBe(code);
  });

  it('rejects an empty or blank code', () => {
    expect(checkMoetStudentCode('   ').errors.map((issue) => issue.code)).toEqual([
      'moet_student_code.empty',
    ]);
  });

  it.each([
    ['a space', '0100 123456'],
    ['a tab', '0100\t123456'],
    ['a zero-width space pasted from a spreadsheet', '0100\u200b123456'],
  ])('rejects %s inside the code', (_label, code) => {
    expect(checkMoetStudentCode(code).errors.map((issue) => issue.code)).toEqual([
      'moet_student_code.contains_space',
    ]);
  });

  it('rejects a code longer than 20 characters and says how long it is', () => {
    const result = checkMoetStudentCode('123456789012345678901');
    expect(result.ok).toBe(false);
    expect(result.errors.map((issue) => issue.code)).toEqual(['moet_student_code.too_long']);
    expect(result.errors[0]?.message).toContain('21 ký tự');
  });

  it('accepts surrounding whitespace and returns the trimmed code to store', () => {
    const result = checkMoetStudentCode('\u00a00100123456\n');
    expect(result).toEqual({ ok: true, normalised: '0100123456', errors: [] });
  });
});
