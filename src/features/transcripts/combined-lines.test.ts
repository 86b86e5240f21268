import { describe, expect, it } from 'vitest';
import { type SubjectLine, withCombinedLines } from './snapshot.ts';

function line(code: string, name: string, over: Partial<SubjectLine> = {}): SubjectLine {
  return {
    code,
    name,
    kind: 'comment',
    term1: null,
    term2: null,
    year: null,
    term1Result: 'pass',
    term2Result: 'pass',
    yearResult: 'pass',
    retestScore: null,
    retestResult: null,
    comment: null,
    ...over,
  };
}

describe('học bạ THCS: one row "Nghệ thuật (Âm nhạc, Mĩ thuật)" (TT22 Điều 5 khoản 1)', () => {
  const lines = [
    line('math', 'Toán', { kind: 'score', year: 7, term1Result: null, term2Result: null, yearResult: null }),
    line('arts-music', 'Âm nhạc', { comment: 'Hát đúng giai điệu' }),
    line('arts-fine-arts', 'Mĩ thuật', {
      term2Result: 'fail',
      yearResult: 'fail',
      retestResult: 'pass',
      comment: 'Cần hoàn thành sản phẩm',
    }),
  ];

  it('grade 8: the two contents print as one row, Đạt only where both are Đạt, with both comments', () => {
    const printed = withCombinedLines(lines, 8);
    expect(printed.map((l) => l.name)).toEqual(['Toán', 'Nghệ thuật (Âm nhạc, Mĩ thuật)']);
    expect(printed[1]).toMatchObject({
      kind: 'comment',
      term1Result: 'pass',
      term2Result: 'fail',
      yearResult: 'fail',
      // The re-test of Mĩ thuật passed and Âm nhạc was Đạt: Nghệ thuật is Đạt after the re-test.
      retestResult: 'pass',
      comment: 'Âm nhạc: Hát đúng giai điệu; Mĩ thuật: Cần hoàn thành sản phẩm',
    });
  });

  it('grade 11: Âm nhạc and Mĩ thuật are separate electives and print as two rows', () => {
    expect(withCombinedLines(lines, 11).map((l) => l.name)).toEqual(['Toán', 'Âm nhạc', 'Mĩ thuật']);
  });
});
